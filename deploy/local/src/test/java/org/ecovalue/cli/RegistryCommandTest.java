package org.ecovalue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.ecovalue.embedded.EmbeddedKafka;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.RegistryItemCodec;
import org.ecovalue.schemas.registry.RegistryLoader;
import org.ecovalue.schemas.topics.EcoTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ecovalue registry publish FILE} as an operator runs it, against a real Kafka broker. */
class RegistryCommandTest {

    private static final Path DEFAULT_REGISTRY = Path.of("../config/default.yaml");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path tmp;

    private int run(String... args) {
        CommandLine cli = EcoValueCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void everyItemOfTheDeploymentRegistryLandsOnTheCompactedTopicUnderItsKey() throws Exception {
        Registry expected = RegistryLoader.load(DEFAULT_REGISTRY);
        try (EmbeddedKafka kafka = new EmbeddedKafka(tmp.resolve("kafka"), 0).start()) {
            kafka.createAllTopics();

            assertThat(run("registry", "publish", "--bootstrap-servers", kafka.bootstrapServers(),
                    DEFAULT_REGISTRY.toString())).isZero();

            Map<String, byte[]> onTopic = readAll(kafka.bootstrapServers(), expected.size());
            assertThat(onTopic).hasSize(expected.size());
            for (var item : expected.items()) {
                assertThat(RegistryItemCodec.decode(onTopic.get(item.key()))).isEqualTo(item);
            }
            assertThat(out.toString()).contains("published " + expected.size() + " registry items");
        }
    }

    @Test
    void anInvalidRegistryIsRefusedWithItsProblemsAndNothingIsPublished() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "stations:\n  - {id: X1, kind: water}\n", StandardCharsets.UTF_8);

        // no broker is needed: validation comes first
        assertThat(run("registry", "publish", "--bootstrap-servers", "127.0.0.1:1", bad.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("invalid registry");
    }

    @Test
    void publishWithoutAFileIsBadUsage() {
        assertThat(run("registry", "publish")).isEqualTo(2);
    }

    private static Map<String, byte[]> readAll(String bootstrap, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "registry-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, byte[]> byKey = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(EcoTopic.REGISTRY.topic()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (byKey.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    byKey.put(new String(r.key(), StandardCharsets.UTF_8), r.value());
                }
            }
        }
        return byKey;
    }
}
