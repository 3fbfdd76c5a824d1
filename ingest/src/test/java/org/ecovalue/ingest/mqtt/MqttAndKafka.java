package org.ecovalue.ingest.mqtt;

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
 * An MQTT 5 broker (HiveMQ CE, as in {@code ecovalue local}) and a Kafka broker (KRaft) with every EcoValue
 * topic, started once for a test class: {@code @RegisterExtension static final MqttAndKafka BROKERS = …}.
 */
final class MqttAndKafka implements BeforeAllCallback, AfterAllCallback {

    private Path dir;
    private EmbeddedMqttBroker mqtt;
    private EmbeddedKafka kafka;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("ingest-brokers");
        mqtt = new EmbeddedMqttBroker(dir.resolve("hivemq"), 0).start();
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

    String mqttUri() {
        return mqtt.serverUri();
    }

    String bootstrapServers() {
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
