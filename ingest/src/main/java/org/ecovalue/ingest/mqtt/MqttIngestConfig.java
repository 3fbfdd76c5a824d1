package org.ecovalue.ingest.mqtt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the MQTT ingest connects and subscribes. The option names, defaults and descriptions are
 * declared once in {@link org.ecovalue.ingest.config.IngestOptions}.
 *
 * @param serverUri      {@code tcp://host:1883} or {@code ssl://host:8883}
 * @param clientId       stable across restarts: the broker keeps the session (and queued messages) under it
 * @param shareGroup     ingest instances in one group share the messages ({@code $share/{group}/…})
 * @param topicFilter    what to receive; {@code ecovalue/v1/{station}/{kind}}
 * @param sessionExpiry  how long the broker keeps the session while ingest is away
 * @param receiveMaximum how many unacknowledged QoS 1 messages the broker may send at once
 * @param username       null for anonymous
 * @param password       with {@code username}
 * @param trustStore     CA file (PEM/DER) or PKCS#12 trust store for {@code ssl://} (null: the JVM's default trust)
 * @param trustStorePassword of {@code trustStore}
 * @param shared         subscribe through {@code $share/{group}/…}; false = a plain subscription of this
 *                       session (Mosquitto 2.0 queues nothing for a shared subscription whose members
 *                       are all offline, so a single instance on Mosquitto should not share)
 */
public record MqttIngestConfig(String serverUri, String clientId, String shareGroup, String topicFilter,
                               Duration sessionExpiry, int receiveMaximum, String username, String password,
                               Path trustStore, String trustStorePassword, boolean shared) {

    public static final String DEFAULT_CLIENT_ID = "ecovalue-ingest-1";
    public static final String DEFAULT_SHARE_GROUP = "ecovalue-ingest";
    public static final String DEFAULT_TOPIC_FILTER = "ecovalue/v1/+/+";
    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofDays(1);
    public static final int DEFAULT_RECEIVE_MAXIMUM = 500;

    /** QoS of the subscription: at least once, end to end. */
    public static final int QOS = 1;

    /** Paho's {@code MqttAsyncClient.generateClientId()} and other random ids: a fresh session each start. */
    private static final Pattern GENERATED_ID = Pattern.compile("paho\\d+|.*\\$\\{random.*|.*[0-9a-f]{8}-[0-9a-f]{4}-.*");

    public MqttIngestConfig {
        Objects.requireNonNull(serverUri, "serverUri");
        Objects.requireNonNull(shareGroup, "shareGroup");
        Objects.requireNonNull(topicFilter, "topicFilter");
        if (clientId == null || clientId.isBlank()) {
            // an empty id makes the broker assign a random one: the session (and backlog) is lost on restart
            throw new IllegalArgumentException("mqtt.client-id must be set: a persistent session needs a stable client id");
        }
        if (GENERATED_ID.matcher(clientId).matches()) {
            throw new IllegalArgumentException("mqtt.client-id '" + clientId
                    + "' looks generated: a persistent session needs the same id on every start");
        }
        if (shareGroup.isBlank() || shareGroup.contains("/") || shareGroup.contains("+") || shareGroup.contains("#")) {
            throw new IllegalArgumentException("mqtt.share-group must be a non-empty name without / + #");
        }
        if (sessionExpiry.isNegative() || sessionExpiry.isZero()) {
            // expiry 0 ends the session on disconnect even with cleanStart=false
            throw new IllegalArgumentException("mqtt.session-expiry must be positive for a persistent session");
        }
        if (receiveMaximum < 1 || receiveMaximum > 65_535) {
            throw new IllegalArgumentException("mqtt.receive-maximum must be 1..65535, got " + receiveMaximum);
        }
        if (password != null && username == null) {
            throw new IllegalArgumentException("mqtt.password without mqtt.username");
        }
        if (trustStore != null && !serverUri.startsWith("ssl://")) {
            throw new IllegalArgumentException("mqtt.tls.trust-store is set but mqtt.server-uri is not ssl://");
        }
    }

    public static MqttIngestConfig defaults(String serverUri) {
        return new MqttIngestConfig(serverUri, DEFAULT_CLIENT_ID, DEFAULT_SHARE_GROUP, DEFAULT_TOPIC_FILTER,
                DEFAULT_SESSION_EXPIRY, DEFAULT_RECEIVE_MAXIMUM, null, null, null, null, true);
    }

    public MqttIngestConfig withClientId(String id) {
        return new MqttIngestConfig(serverUri, id, shareGroup, topicFilter, sessionExpiry, receiveMaximum,
                username, password, trustStore, trustStorePassword, shared);
    }

    public MqttIngestConfig withShareGroup(String group) {
        return new MqttIngestConfig(serverUri, clientId, group, topicFilter, sessionExpiry, receiveMaximum,
                username, password, trustStore, trustStorePassword, shared);
    }

    public MqttIngestConfig withCredentials(String user, String pass) {
        return new MqttIngestConfig(serverUri, clientId, shareGroup, topicFilter, sessionExpiry, receiveMaximum,
                user, pass, trustStore, trustStorePassword, shared);
    }

    public MqttIngestConfig withReceiveMaximum(int max) {
        return new MqttIngestConfig(serverUri, clientId, shareGroup, topicFilter, sessionExpiry, max,
                username, password, trustStore, trustStorePassword, shared);
    }

    public MqttIngestConfig withShared(boolean isShared) {
        return new MqttIngestConfig(serverUri, clientId, shareGroup, topicFilter, sessionExpiry, receiveMaximum,
                username, password, trustStore, trustStorePassword, isShared);
    }

    /** {@code $share/ecovalue-ingest/ecovalue/v1/+/+}, or the plain filter when not shared. */
    public String sharedSubscription() {
        return shared ? "$share/" + shareGroup + "/" + topicFilter : topicFilter;
    }

    @Override
    public String toString() {
        return "MqttIngestConfig[serverUri=" + serverUri + ", clientId=" + clientId + ", subscription="
                + sharedSubscription() + ", user=" + username + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
