package org.ecovalue.ingest.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * How the MQTT ingest connects and subscribes. Option names and defaults side by side.
 *
 * @param serverUri      e.g. {@code tcp://127.0.0.1:1883}
 * @param clientId       stable across restarts: the broker keeps the session (and queued messages) under it
 * @param shareGroup     ingest instances in one group share the messages ({@code $share/{group}/…})
 * @param topicFilter    what to receive; {@code ecovalue/v1/{station}/{kind}}
 * @param sessionExpiry  how long the broker keeps the session while ingest is away
 * @param receiveMaximum how many unacknowledged QoS 1 messages the broker may send at once
 */
public record MqttIngestConfig(String serverUri, String clientId, String shareGroup, String topicFilter,
                               Duration sessionExpiry, int receiveMaximum) {

    public static final String CLIENT_ID = "mqtt-client-id";
    public static final String DEFAULT_CLIENT_ID = "ecovalue-ingest-1";
    public static final String SHARE_GROUP = "mqtt-share-group";
    public static final String DEFAULT_SHARE_GROUP = "ecovalue-ingest";
    public static final String TOPIC_FILTER = "mqtt-topic-filter";
    public static final String DEFAULT_TOPIC_FILTER = "ecovalue/v1/+/+";
    public static final String SESSION_EXPIRY = "mqtt-session-expiry";
    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofDays(1);
    public static final String RECEIVE_MAXIMUM = "mqtt-receive-maximum";
    public static final int DEFAULT_RECEIVE_MAXIMUM = 500;

    /** QoS of the subscription: at least once, end to end. */
    public static final int QOS = 1;

    public MqttIngestConfig {
        Objects.requireNonNull(serverUri, "serverUri");
        Objects.requireNonNull(clientId, CLIENT_ID);
        Objects.requireNonNull(shareGroup, SHARE_GROUP);
        Objects.requireNonNull(topicFilter, TOPIC_FILTER);
        if (sessionExpiry.isNegative() || sessionExpiry.isZero()) {
            // expiry 0 ends the session on disconnect even with cleanStart=false
            throw new IllegalArgumentException(SESSION_EXPIRY + " must be positive for a persistent session");
        }
        if (receiveMaximum < 1 || receiveMaximum > 65_535) {
            throw new IllegalArgumentException(RECEIVE_MAXIMUM + " must be 1..65535, got " + receiveMaximum);
        }
    }

    public static MqttIngestConfig defaults(String serverUri) {
        return new MqttIngestConfig(serverUri, DEFAULT_CLIENT_ID, DEFAULT_SHARE_GROUP, DEFAULT_TOPIC_FILTER,
                DEFAULT_SESSION_EXPIRY, DEFAULT_RECEIVE_MAXIMUM);
    }

    public MqttIngestConfig withClientId(String id) {
        return new MqttIngestConfig(serverUri, id, shareGroup, topicFilter, sessionExpiry, receiveMaximum);
    }

    /** {@code $share/ecovalue-ingest/ecovalue/v1/+/+}. */
    public String sharedSubscription() {
        return "$share/" + shareGroup + "/" + topicFilter;
    }
}
