package org.ecovalue.ingest.mqtt;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.ecovalue.ingest.KafkaPublisher;
import org.ecovalue.ingest.ObservationIntake;
import org.ecovalue.ingest.Outbound;
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
 * <p>Topic {@code ecovalue/v1/{station}/obs} carries the JSON payload; other kinds go to the DLQ as
 * unsupported until their decoder exists. Paho delivers shared subscriptions only through the
 * client-level callback, so that is where messages arrive.
 */
public final class MqttIngest implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttIngest.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_DRAIN = Duration.ofSeconds(5);

    private final MqttIngestConfig config;
    private final ObservationIntake jsonIntake;
    private final KafkaPublisher publisher;
    private final AtomicLong received = new AtomicLong();
    private MqttAsyncClient client;
    private PubackSequencer acks;

    public MqttIngest(MqttIngestConfig config, ObservationIntake jsonIntake, KafkaPublisher publisher) {
        this.config = config;
        this.jsonIntake = jsonIntake;
        this.publisher = publisher;
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
        options.setAutomaticReconnectDelay(1, 30);
        options.setConnectionTimeout((int) CONNECT_TIMEOUT.toSeconds());
        client.connect(options).waitForCompletion(CONNECT_TIMEOUT.toMillis());
        IMqttToken subscription = subscribe();
        subscription.waitForCompletion(CONNECT_TIMEOUT.toMillis());
        checkGranted(subscription);
        LOG.info("event=subscribed broker={} clientId={} subscription={} qos={}",
                config.serverUri(), config.clientId(), config.sharedSubscription(), MqttIngestConfig.QOS);
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
        RawMessage raw;
        Outbound out;
        String[] levels = topic.split("/", -1);
        boolean ours = levels.length == 4 && levels[0].equals("ecovalue") && levels[1].equals("v1");
        String station = ours ? levels[2] : null;
        String kind = ours ? levels[3] : "";
        if (kind.equals("obs")) {
            raw = new RawMessage(Source.MQTT_JSON.wire(), topic, station, message.getPayload(), System.currentTimeMillis());
            out = jsonIntake.route(raw);
        } else {
            String source = kind.equals("hj212") ? Source.MQTT_HJ212.wire() : Source.MQTT_JSON.wire();
            raw = new RawMessage(source, topic, station, message.getPayload(), System.currentTimeMillis());
            out = ObservationIntake.unsupported(raw, "no decoder for topic " + topic + " in this ingest");
        }
        // blocks while the publisher's queue is full: Paho then stops reading, the broker holds messages
        publisher.publish(out, () -> acknowledge(ticket));
    }

    private void acknowledge(PubackSequencer.Ticket ticket) {
        try {
            acks.durable(ticket);
        } catch (Exception e) {
            // the connection dropped meanwhile; the broker redelivers on the persistent session
            LOG.warn("event=ack-failed error=\"{}\"", e.toString());
        }
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
