package org.ecovalue.local;

import org.ecovalue.embedded.EmbeddedKafka;
import org.ecovalue.embedded.EmbeddedMqttBroker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ecovalue.ingest.DeadLetter;
import org.ecovalue.schemas.topics.EcoTopic;
import org.ecovalue.ingest.KafkaPublisher;
import org.ecovalue.ingest.ObservationIntake;
import org.ecovalue.ingest.mqtt.MqttIngest;
import org.ecovalue.ingest.mqtt.MqttIngestConfig;
import org.ecovalue.schemas.json.Json;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest against a real MQTT 5 broker and a real Kafka broker, both embedded. Lives in deploy/local
 * because the embedded brokers are this module's production code and ingest must not depend on it.
 */
class MqttIngestIT {

    @TempDir
    static Path dir;

    private static EmbeddedMqttBroker broker;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBrokers() throws Exception {
        broker = new EmbeddedMqttBroker(dir.resolve("hivemq"), 0).start();
        kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start();
        kafka.createAllTopics();
    }

    @AfterAll
    static void stopBrokers() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static MqttIngest ingest(String clientId, String shareGroup, KafkaPublisher publisher) throws Exception {
        MqttIngestConfig config = new MqttIngestConfig(broker.serverUri(), clientId, shareGroup,
                MqttIngestConfig.DEFAULT_TOPIC_FILTER, MqttIngestConfig.DEFAULT_SESSION_EXPIRY, 100);
        MqttIngest ingest = new MqttIngest(config, ObservationIntake.json(), publisher);
        ingest.start();
        return ingest;
    }

    private static KafkaPublisher publisher(String clientId) {
        return new KafkaPublisher(KafkaPublisher.producerConfig(kafka.bootstrapServers(), clientId), 100);
    }

    private static void publish(String topic, String payload) throws Exception {
        MqttClient station = new MqttClient(broker.serverUri(), "station-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        station.connect(options);
        station.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
        station.disconnect();
        station.close();
    }

    private static String observation(String station, int seq) {
        return """
                {"station":"%s","ts":"2026-11-22T08:00:%02d+08:00","seq":%d,
                 "readings":[{"param":"nh3n","value":0.42,"unit":"mg/L","flag":"N"},
                             {"param":"flow","value":35.2,"unit":"m3/s"}]}""".formatted(station, seq, seq);
    }

    private static List<JsonNode> observationsOf(TopicReader reader, String station) {
        return reader.records().stream()
                .filter(r -> station.equals(r.key()))
                .map(r -> {
                    try {
                        return Json.mapper().readTree(r.value());
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void aGoodMessageReachesObservationsAndBadOnesTheDlqWithTheirReasons() throws Exception {
        try (KafkaPublisher publisher = publisher("ingest-it-a");
             MqttIngest ingest = ingest("ingest-it-a", "it-a", publisher);
             TopicReader observations = new TopicReader(kafka.bootstrapServers(), EcoTopic.OBSERVATIONS.topic());
             TopicReader dlq = new TopicReader(kafka.bootstrapServers(), EcoTopic.INGEST_DLQ.topic())) {

            publish("ecovalue/v1/IT-A1/obs", observation("IT-A1", 1));
            publish("ecovalue/v1/IT-A1/obs", "{\"station\":\"IT-A1\",\"ts\":");
            publish("ecovalue/v1/IT-A1/obs", observation("IT-A2", 2));
            publish("ecovalue/v1/IT-A1/hj212", "##0101QN=20261122080000000;ST=21;CN=2011;MN=IT-A1;&&&&");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<JsonNode> obs = observationsOf(observations, "IT-A1");
                assertThat(obs).hasSize(1);
                assertThat(obs.get(0).get("seq").asLong()).isEqualTo(1);
                assertThat(obs.get(0).get("source").asText()).isEqualTo("mqtt-json");
                assertThat(obs.get(0).get("sourceRef").asText()).isEqualTo("ecovalue/v1/IT-A1/obs");
                assertThat(obs.get(0).get("ingestedAt").asLong()).isPositive();
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<ConsumerRecord<String, byte[]>> letters = dlq.records().stream()
                        .filter(r -> "IT-A1".equals(r.key())).toList();
                assertThat(letters).extracting(r -> DeadLetter.fromJson(r.value()).reason())
                        .containsExactlyInAnyOrder("malformed-json", "station-mismatch", DeadLetter.UNSUPPORTED_TOPIC);
            });
            assertThat(observationsOf(observations, "IT-A2")).isEmpty();
            assertThat(ingest.receivedCount()).isEqualTo(4);
        }
    }

    @Test
    void messagesPublishedWhileIngestIsAwayArriveWhenItReturnsOnItsPersistentSession() throws Exception {
        try (KafkaPublisher publisher = publisher("ingest-it-b");
             TopicReader observations = new TopicReader(kafka.bootstrapServers(), EcoTopic.OBSERVATIONS.topic())) {
            ingest("ingest-it-b", "it-b", publisher).close(); // subscribes, then goes away

            for (int seq = 1; seq <= 3; seq++) {
                publish("ecovalue/v1/IT-B1/obs", observation("IT-B1", seq));
            }

            try (MqttIngest back = ingest("ingest-it-b", "it-b", publisher)) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(observationsOf(observations, "IT-B1"))
                                .extracting(o -> o.get("seq").asLong())
                                .containsExactlyInAnyOrder(1L, 2L, 3L));
            }
        }
    }
}
