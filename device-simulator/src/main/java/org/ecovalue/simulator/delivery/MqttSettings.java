package org.ecovalue.simulator.delivery;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the simulator reaches the broker.
 *
 * @param serverUri   {@code tcp://host:1883} or {@code ssl://host:8883}
 * @param username    null: anonymous
 * @param trustStore  CA file (PEM/DER) or PKCS12 trust store (.p12/.pfx) for {@code ssl://} (null: the JVM's)
 * @param qos         0 or 1 (stations use 1)
 * @param maxInflight unacknowledged QoS 1 messages at a time: the backpressure window
 */
public record MqttSettings(String serverUri, String clientId, String username, char[] password, Path trustStore,
                           char[] trustStorePassword, int qos, int maxInflight) {

    public MqttSettings {
        Objects.requireNonNull(serverUri, "serverUri");
        Objects.requireNonNull(clientId, "clientId");
        if (qos < 0 || qos > 1) {
            throw new IllegalArgumentException("qos is 0 or 1, got " + qos);
        }
        if (maxInflight < 1) {
            throw new IllegalArgumentException("maxInflight must be positive, got " + maxInflight);
        }
    }

    public static MqttSettings anonymous(String serverUri) {
        return new MqttSettings(serverUri, "ecovalue-simulator", null, null, null, null, 1, 1000);
    }
}
