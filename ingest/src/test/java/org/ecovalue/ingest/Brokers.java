package org.ecovalue.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.ecovalue.embedded.EmbeddedKafka;
import org.ecovalue.embedded.EmbeddedMqttBroker;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The brokers of an ingest integration test, started once for its class: a Kafka broker (KRaft) with every
 * EcoValue topic and, for MQTT tests, an MQTT 5 broker (HiveMQ CE, as in {@code ecovalue local}).
 * {@code @RegisterExtension static final Brokers BROKERS = Brokers.mqttAndKafka();}
 */
public final class Brokers implements BeforeAllCallback, AfterAllCallback {

    private final boolean withMqtt;
    private Path dir;
    private EmbeddedMqttBroker mqtt;
    private EmbeddedKafka kafka;

    private Brokers(boolean withMqtt) {
        this.withMqtt = withMqtt;
    }

    public static Brokers kafka() {
        return new Brokers(false);
    }

    public static Brokers mqttAndKafka() {
        return new Brokers(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("ingest-brokers");
        if (withMqtt) {
            mqtt = new EmbeddedMqttBroker(dir.resolve("hivemq"), 0).start();
        }
        kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start();
        kafka.createAllTopics();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (kafka != null) {
            kafka.close();
        }
        if (mqtt != null) {
            mqtt.close();
        }
        deleteTree(dir);
    }

    public String mqttUri() {
        if (mqtt == null) {
            throw new IllegalStateException("started without an MQTT broker: use Brokers.mqttAndKafka()");
        }
        return mqtt.serverUri();
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
