package org.ecovalue.simulator.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * One MQTT message as a station sends it.
 *
 * @param readings how many readings the payload carries (the unit of throughput figures)
 */
public record Delivery(String topic, byte[] payload, String station, Instant eventTime, int readings) {

    public Delivery {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(station, "station");
    }

    public static String jsonTopic(String station) {
        return "ecovalue/v1/" + station + "/obs";
    }

    public static String hj212Topic(String station) {
        return "ecovalue/v1/" + station + "/hj212";
    }
}
