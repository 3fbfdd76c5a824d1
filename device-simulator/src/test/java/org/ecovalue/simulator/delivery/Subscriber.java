package org.ecovalue.simulator.delivery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A plain MQTT subscriber on every station topic, keeping what arrives in order. */
final class Subscriber implements AutoCloseable {

    record Received(String topic, byte[] payload) {
    }

    final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final MqttClient client;

    Subscriber(String serverUri) throws MqttException {
        this(serverUri, null, null);
    }

    Subscriber(String serverUri, String username, String password) throws MqttException {
        this(serverUri, username, password, null);
    }

    /** @param caFile the only CA trusted for an {@code ssl://} broker */
    Subscriber(String serverUri, String username, String password, java.nio.file.Path caFile) throws MqttException {
        client = new MqttClient(serverUri, "test-subscriber", new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                received.add(new Received(topic, m.getPayload()));
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String uri) {
            }

            @Override
            public void authPacketArrived(int reason, MqttProperties p) {
            }
        });
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setReceiveMaximum(10_000);
        if (username != null) {
            o.setUserName(username);
            o.setPassword(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (caFile != null) {
            o.setSocketFactory(org.ecovalue.embedded.tls.TrustedCertificates.sslContext(caFile, null).getSocketFactory());
        }
        client.connect(o);
        client.subscribe("ecovalue/v1/+/+", 1);
    }

    List<Received> snapshot() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
