package org.ecovalue.ingest.mqtt;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.nio.charset.StandardCharsets;
import org.ecovalue.embedded.tls.TrustedCertificates;
import org.ecovalue.ingest.IngestPipeline;
import org.ecovalue.ingest.RawMessage;
import org.ecovalue.schemas.observation.Source;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MQTT 5 → Kafka. Subscribes with the shared subscription {@code $share/ecovalue-ingest/ecovalue/v1/+/+}
 * at QoS 1 on a persistent session (stable client id, cleanStart=false, session expiry), and
 * acknowledges each message (manual acks) only after the Kafka record made from it is durable.
 *
 * <p>Topic {@code ecovalue/v1/{station}/obs} carries the JSON payload, {@code …/hj212} one HJ 212
 * packet; other topics go to the DLQ as {@code unsupported-topic}. Paho delivers shared
 * subscriptions only through the client-level callback, so that is where messages arrive. A message
 * with the DUP flag is handled like any other: duplicates are removed downstream (quality control).
 */
public final class MqttIngest implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttIngest.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_DRAIN = Duration.ofSeconds(5);

    private final MqttIngestConfig config;
    private final IngestPipeline pipeline;
    private final AtomicLong received = new AtomicLong();
    private MqttAsyncClient client;
    private PubackSequencer acks;

    public MqttIngest(MqttIngestConfig config, IngestPipeline pipeline) {
        this.config = config;
        this.pipeline = pipeline;
    }

    /** Connects and subscribes; returns once the broker granted the subscription. */
    public void start() throws MqttException {
        client = new MqttAsyncClient(config.serverUri(), config.clientId(), new MemoryPersistence());
        client.setManualAcks(true);
        MqttAsyncClient c = client;
        acks = new PubackSequencer(c::messageArrivedComplete);
        client.setCallback(new Callback());

        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(config.sessionExpiry().toSeconds());
        options.setReceiveMaximum(config.receiveMaximum());
        options.setAutomaticReconnect(true);
        // bounded exponential backoff 1, 2, 4, 5, 5 … s: a broker restart costs seconds, not minutes
        options.setAutomaticReconnectDelay(1, 5);
        options.setConnectionTimeout((int) CONNECT_TIMEOUT.toSeconds());
        if (config.username() != null) {
            options.setUserName(config.username());
            if (config.password() != null) {
                options.setPassword(config.password().getBytes(StandardCharsets.UTF_8));
            }
        }
        if (config.trustStore() != null) {
            options.setSocketFactory(TrustedCertificates.sslContext(config.trustStore(),
                    config.trustStorePassword() == null ? null : config.trustStorePassword().toCharArray())
                    .getSocketFactory());
        }
        client.connect(options).waitForCompletion(CONNECT_TIMEOUT.toMillis());
        IMqttToken subscription = subscribe();
        subscription.waitForCompletion(CONNECT_TIMEOUT.toMillis());
        checkGranted(subscription);
        LOG.info("event=subscribed broker={} clientId={} subscription={} qos={}",
                config.serverUri(), config.clientId(), config.sharedSubscription(), MqttIngestConfig.QOS);
    }

    /** Readiness: connected to the broker. */
    public boolean isConnected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    public long receivedCount() {
        return received.get();
    }

    public MqttIngestConfig config() {
        return config;
    }

    private IMqttToken subscribe() throws MqttException {
        return client.subscribe(config.sharedSubscription(), MqttIngestConfig.QOS);
    }

    private void checkGranted(IMqttToken token) {
        int[] codes = token.getReasonCodes();
        if (codes != null) {
            for (int code : codes) {
                if (code >= 0x80) {
                    throw new IllegalStateException("broker refused subscription " + config.sharedSubscription()
                            + " with reason code 0x" + Integer.toHexString(code));
                }
            }
        }
    }

    private void handle(String topic, MqttMessage message) throws Exception {
        received.incrementAndGet();
        PubackSequencer.Ticket ticket = acks.arrived(message.getId(), message.getQos());
        long now = System.currentTimeMillis();
        String[] levels = topic.split("/", -1);
        boolean ours = levels.length == 4 && levels[0].equals("ecovalue") && levels[1].equals("v1") && !levels[2].isEmpty();
        String station = ours ? levels[2] : null;
        String kind = ours ? levels[3] : "";
        // blocks while the publisher's queue is full: Paho then stops reading, the broker holds messages
        switch (kind) {
            case "obs" -> pipeline.accept(new RawMessage(Source.MQTT_JSON.wire(), topic, station,
                    message.getPayload(), now), () -> acknowledge(ticket));
            case "hj212" -> pipeline.accept(new RawMessage(Source.MQTT_HJ212.wire(), topic, station,
                    message.getPayload(), now), () -> acknowledge(ticket));
            default -> pipeline.unsupported(new RawMessage(Source.MQTT_JSON.wire(), topic, station,
                    message.getPayload(), now), "no decoder for topic " + topic
                    + " (expected ecovalue/v1/{station}/obs or /hj212)", () -> acknowledge(ticket));
        }
    }

    private void acknowledge(PubackSequencer.Ticket ticket) {
        try {
            acks.durable(ticket);
        } catch (Exception e) {
            // the connection dropped meanwhile; the broker redelivers on the persistent session
            LOG.warn("event=ack-failed error=\"{}\"", e.toString());
        }
    }

    /** Drops the connection as a crash would: nothing more is acknowledged; the broker redelivers. */
    public void abort() {
        if (client == null) {
            return;
        }
        acks.connectionLost();
        try {
            client.disconnectForcibly(0, 0, false);
        } catch (MqttException e) {
            LOG.debug("event=abort-disconnect error=\"{}\"", e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("event=abort-close error=\"{}\"", e.toString());
        }
        client = null;
    }

    /**
     * Waits briefly for the records of received messages to become durable so that they are
     * acknowledged before disconnecting; what is still pending then is redelivered next time.
     */
    @Override
    public void close() throws MqttException {
        if (client == null) {
            return;
        }
        try {
            if (!acks.awaitAllAcknowledged(CLOSE_DRAIN.toMillis())) {
                LOG.warn("event=closing-with-unacknowledged count={} note=\"redelivered on the next session\"",
                        acks.pendingCount());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        acks.connectionLost();
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
        } finally {
            client.close(true);
            client = null;
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) throws Exception {
            handle(topic, message);
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                LOG.info("event=reconnected broker={} clientId={}", serverUri, config.clientId());
                try {
                    subscribe(); // the session normally still holds it; resubscribing is harmless
                } catch (MqttException e) {
                    LOG.error("event=resubscribe-failed broker={} error=\"{}\"", serverUri, e.toString());
                }
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            acks.connectionLost();
            LOG.warn("event=disconnected broker={} reason=\"{}\"", config.serverUri(), response.getReasonString());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("event=mqtt-error broker={} error=\"{}\"", config.serverUri(), exception.toString());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
