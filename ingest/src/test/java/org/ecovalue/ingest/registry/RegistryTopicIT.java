package org.ecovalue.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ecovalue.embedded.EmbeddedKafka;
import org.ecovalue.embedded.EmbeddedMqttBroker;
import org.ecovalue.embedded.TopicReader;
import org.ecovalue.ingest.BadInputCorpus;
import org.ecovalue.ingest.IngestService;
import org.ecovalue.ingest.ObservationIntake;
import org.ecovalue.ingest.config.IngestConfig;
import org.ecovalue.ingest.operations.IngestMetrics;
import org.ecovalue.schemas.dlq.DlqRecord;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.RegistryItem;
import org.ecovalue.schemas.registry.RegistryItemCodec;
import org.ecovalue.schemas.registry.RegistryKind;
import org.ecovalue.schemas.registry.RegistryLoader;
import org.ecovalue.schemas.topics.EcoTopic;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code registry.source=topic} against a real Kafka broker and a real MQTT 5 broker (HiveMQ CE):
 * ingest is not ready, and its sources do not start, while {@code eco.registry} cannot be read; a
 * station published there later is accepted without a restart, a removed one (tombstone) is
 * rejected again as {@code unknown-station}, and an unreadable registry record is counted and
 * skipped without stopping the follower.
 */
class RegistryTopicIT {

    /** In deploy/config/default.yaml (protocol mqtt-json); left out of the first publication. */
    private static final String LATE = "SW390123000001";
    /** In default.yaml and published from the start. */
    private static final String KNOWN = "SW390121000001";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aStationPublishedToTheRegistryTopicIsAcceptedWithoutRestartAndARemovedOneIsRejectedAgain() throws Exception {
        Registry full = RegistryLoader.load(Path.of("..", "deploy", "config", "default.yaml"));
        Registry withoutLate = full.without(RegistryKind.STATION.key(LATE));
        RegistryItem late = full.item(RegistryKind.STATION.key(LATE)).orElseThrow();

        try (EmbeddedMqttBroker broker = new EmbeddedMqttBroker(dir.resolve("hivemq"), 0).start();
             EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start()) {
            Map<String, String> file = new HashMap<>();
            file.put("kafka.bootstrap-servers", kafka.bootstrapServers());
            file.put("kafka.client-id", "registry-it");
            file.put("mqtt.server-uri", broker.serverUri());
            file.put("mqtt.client-id", "registry-it");
            file.put("registry.source", "topic");
            file.put("http.host", "127.0.0.1");
            file.put("http.port", "0");
            try (IngestService ingest = IngestService.create(IngestConfig.from(file, Map.of()))) {
                // eco.registry does not exist yet: start() waits for it, readiness says registry DOWN
                CompletableFuture<IngestService> started = CompletableFuture.supplyAsync(() -> {
                    try {
                        return ingest.start();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThat(ingest.readiness()).containsEntry("registry", false);
                assertThat(started).isNotDone();
                assertThat(ingest.mqtt()).as("no source starts before the registry is read").isNull();

                kafka.createAllTopics();
                try (KafkaProducer<String, byte[]> producer = producer(kafka.bootstrapServers());
                     TopicReader observations = new TopicReader(kafka.bootstrapServers(), EcoTopic.OBSERVATIONS.topic());
                     TopicReader dlq = new TopicReader(kafka.bootstrapServers(), EcoTopic.INGEST_DLQ.topic())) {
                    for (RegistryItem item : withoutLate.items()) {
                        send(producer, item.key(), RegistryItemCodec.encode(item));
                    }
                    started.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                    assertThat(ingest.readiness()).containsEntry("registry", true);
                    // default.yaml's stations less LATE; counted from the file, not from the follower. The
                    // service found the topic empty (or partly written), so it may still be applying them
                    await().atMost(WAIT).untilAsserted(() -> assertThat(ingest.registry().registry().stations())
                            .hasSize(full.stations().size() - 1));
                    // a follower started now has read every record present at its start once caught up
                    // (what `ecovalue dlq replay` uses): no waiting needed after it returns
                    Registry now = RegistryFollower.readToEnd(kafka.bootstrapServers(), "registry-it-replay",
                            new IngestMetrics(Clock.systemUTC()), WAIT);
                    assertThat(now.stations()).hasSize(full.stations().size() - 1);
                    assertThat(now.contains(RegistryKind.STATION, KNOWN)).isTrue();
                    assertThat(now.contains(RegistryKind.STATION, LATE)).isFalse();
                    await().atMost(WAIT).untilAsserted(() -> assertThat(health(ingest.httpPort()))
                            .contains("\"registry\":\"UP\"").contains("\"status\":\"UP\""));

                    MqttClient station = station(broker.serverUri());
                    // 1. LATE is not on the topic: unknown-station; KNOWN arrives (the path works)
                    publish(station, LATE, 1);
                    publish(station, KNOWN, 1);
                    await().atMost(WAIT).untilAsserted(() -> assertThat(dlqReasonsOf(dlq, LATE))
                            .containsExactly("unknown-station"));
                    await().atMost(WAIT).untilAsserted(() -> assertThat(seqsOf(observations, KNOWN)).containsExactly(1));

                    // an unreadable record on the topic is counted and skipped, the follower keeps going
                    send(producer, RegistryKind.STATION.key("BROKEN"), "not json".getBytes(StandardCharsets.UTF_8));
                    // 2. LATE published: its next message is accepted, no restart
                    send(producer, late.key(), RegistryItemCodec.encode(late));
                    await().atMost(WAIT).until(() -> ingest.registry().registry().contains(RegistryKind.STATION, LATE));
                    assertThat(ingest.pipeline().metrics().count("ecovalue_ingest_registry_rejected_total",
                            "reason", "bad-registry-item")).isEqualTo(1);
                    publish(station, LATE, 2);
                    await().atMost(WAIT).untilAsserted(() -> assertThat(seqsOf(observations, LATE)).containsExactly(2));

                    // 3. LATE removed (tombstone): rejected again
                    send(producer, late.key(), null);
                    await().atMost(WAIT).until(() -> !ingest.registry().registry().contains(RegistryKind.STATION, LATE));
                    publish(station, LATE, 3);
                    await().atMost(WAIT).untilAsserted(() -> assertThat(dlqReasonsOf(dlq, LATE))
                            .containsExactly("unknown-station", "unknown-station"));
                    publish(station, KNOWN, 2);
                    await().atMost(WAIT).untilAsserted(() -> assertThat(seqsOf(observations, KNOWN)).containsExactly(1, 2));
                    assertThat(seqsOf(observations, LATE)).containsExactly(2);
                    station.disconnect();
                    station.close();
                }
            }
        }
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(EcoTopic.REGISTRY.topic(), key, value)).get();
    }

    private static MqttClient station(String serverUri) throws Exception {
        MqttClient station = new MqttClient(serverUri, "station-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        station.connect(options);
        return station;
    }

    private static void publish(MqttClient station, String id, int seq) throws Exception {
        station.publish("ecovalue/v1/" + id + "/obs", BadInputCorpus.bytes(BadInputCorpus.json(id, seq)), 1, false);
    }

    private static List<Integer> seqsOf(TopicReader observations, String stationId) throws Exception {
        List<Integer> seqs = new ArrayList<>();
        for (var r : observations.records()) {
            if (stationId.equals(r.key())) {
                seqs.add(Json.mapper().readTree(r.value()).get("seq").asInt());
            }
        }
        return seqs;
    }

    private static List<String> dlqReasonsOf(TopicReader dlq, String stationId) {
        return dlq.records().stream().map(r -> ObservationIntake.decodeDlq(r.value()))
                .filter(d -> d.sourceRef().contains(stationId)).map(DlqRecord::reason).toList();
    }

    private static String health(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
