package org.ecovalue.simulator.delivery;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.ecovalue.embedded.tls.TrustedCertificates;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes over one MQTT 5 connection (Paho). QoS 1 with a bounded in-flight window: when the
 * broker is slower than the simulator, {@link #publish} blocks (backpressure), nothing is dropped.
 */
public final class MqttPublisher implements Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(MqttPublisher.class);

    private final MqttSettings settings;
    private volatile Semaphore inflight;
    private volatile int window;
    private final AtomicLong failed = new AtomicLong();
    private final MqttAsyncClient client;

    public MqttPublisher(MqttSettings settings) throws Exception {
        this.settings = settings;
        this.client = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
        connect();
    }

    private void connect() throws Exception {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setReceiveMaximum(settings.maxInflight());
        if (settings.username() != null) {
            options.setUserName(settings.username());
            options.setPassword(settings.password() == null ? null : new String(settings.password()).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        if (settings.trustStore() != null) {
            options.setSocketFactory(TrustedCertificates.sslContext(settings.trustStore(), settings.trustStorePassword())
                    .getSocketFactory());
        }
        IMqttToken connected = client.connect(options);
        connected.waitForCompletion(30_000);
        // the broker's Receive Maximum (MQTT 5 §3.2.2.3.3) bounds QoS 1 messages in flight; Paho refuses more
        Integer brokerMax = connected.getResponseProperties() == null ? null
                : connected.getResponseProperties().getReceiveMaximum();
        window = brokerMax == null ? settings.maxInflight() : Math.min(settings.maxInflight(), brokerMax);
        inflight = new Semaphore(window);
        LOG.info("event=connected broker={} clientId={} qos={} window={}", settings.serverUri(),
                settings.clientId(), settings.qos(), window);
    }

    @Override
    public void publish(Delivery d) throws Exception {
        MqttMessage message = new MqttMessage(d.payload());
        message.setQos(settings.qos());
        Semaphore permits = inflight;
        permits.acquire();
        while (true) {
            try {
                publishOnce(d, message, permits);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    permits.release();
                    throw e;
                }
                // Paho counts a message in flight until it has processed the PUBACK, a moment after our listener
                LockSupport.parkNanos(50_000);
            }
        }
    }

    private void publishOnce(Delivery d, MqttMessage message, Semaphore permits) throws MqttException {
        {
            client.publish(d.topic(), message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    permits.release();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    permits.release();
                    failed.incrementAndGet();
                    LOG.warn("event=publish-failed station={} topic={} error=\"{}\"", d.station(), d.topic(), e.toString());
                }
            });
        }
    }

    @Override
    public void flush() throws InterruptedException {
        Semaphore permits = inflight;
        if (!permits.tryAcquire(window, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("broker did not acknowledge " + (window - permits.availablePermits())
                    + " messages within 60 s");
        }
        permits.release(window);
    }

    @Override
    public void disconnect() throws Exception {
        flush();
        client.disconnect().waitForCompletion(10_000);
        LOG.info("event=disconnected broker={} reason=fault", settings.serverUri());
    }

    @Override
    public void reconnect() throws Exception {
        connect();
    }

    /** Publishes the broker refused or that failed on the connection. */
    public long failedCount() {
        return failed.get();
    }

    @Override
    public void close() throws Exception {
        try {
            if (client.isConnected()) {
                flush();
                client.disconnect().waitForCompletion(5_000);
            }
        } finally {
            client.close(true);
        }
    }
}
