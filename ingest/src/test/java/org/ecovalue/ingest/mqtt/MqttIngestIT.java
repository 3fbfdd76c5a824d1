package org.ecovalue.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ecovalue.ingest.BadInputCorpus;
import org.ecovalue.ingest.IngestService;
import org.ecovalue.ingest.ObservationIntake;
import org.ecovalue.ingest.StationDirectory;
import org.ecovalue.embedded.TopicReader;
import org.ecovalue.ingest.config.IngestConfig;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.topics.EcoTopic;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.ecovalue.ingest.Brokers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ingest service against a real MQTT 5 broker (HiveMQ CE, as in `ecovalue local`) and a real Kafka broker. */
class MqttIngestIT {

    @RegisterExtension
    static final Brokers BROKERS = Brokers.mqttAndKafka();

    static IngestConfig config(String serverUri, String bootstrap, String clientId, String group) throws Exception {
        Map<String, String> file = new HashMap<>();
        file.put("kafka.bootstrap-servers", bootstrap);
        file.put("kafka.client-id", clientId);
        file.put("mqtt.server-uri", serverUri);
        file.put("mqtt.client-id", clientId);
        file.put("mqtt.share-group", group);
        file.put("mqtt.receive-maximum", "100");
        file.put("http.host", "127.0.0.1");
        file.put("http.port", "0");
        return IngestConfig.from(file, Map.of());
    }

    private static IngestService ingest(String clientId, String group) throws Exception {
        return IngestService.create(config(BROKERS.mqttUri(), BROKERS.bootstrapServers(), clientId, group),
                StationDirectory.ofIds(Set.of(BadInputCorpus.STATION, "QH-S04", "IT-B1"),
                        StationDirectory.UnknownStationPolicy.REJECT)).start();
    }

    private static void publish(MqttClient station, String topic, byte[] payload) throws Exception {
        station.publish(topic, payload, 1, false);
    }

    private static MqttClient station() throws Exception {
        MqttClient station = new MqttClient(BROKERS.mqttUri(), "station-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        station.connect(options);
        return station;
    }

    private static List<JsonNode> observationsOf(TopicReader reader, String station) {
        return reader.records().stream().filter(r -> station.equals(r.key())).map(r -> json(r.value())).toList();
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return Json.mapper().readTree(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void badInputsLandInTheDlqWithTheirReasonsAndTheGoodOnesInterleavedAllArrive() throws Exception {
        List<BadInputCorpus.Case> corpus = BadInputCorpus.cases();
        try (IngestService ingest = ingest("ingest-it-a", "it-a");
             TopicReader observations = new TopicReader(BROKERS.bootstrapServers(), EcoTopic.OBSERVATIONS.topic());
             TopicReader dlq = new TopicReader(BROKERS.bootstrapServers(), EcoTopic.INGEST_DLQ.topic())) {
            MqttClient station = station();
            for (int i = 0; i < corpus.size(); i++) {
                BadInputCorpus.Case c = corpus.get(i);
                publish(station, "ecovalue/v1/QH-S03/obs", BadInputCorpus.bytes(BadInputCorpus.json("QH-S03", i)));
                publish(station, "ecovalue/v1/" + c.topicStation() + "/" + c.kind(), c.payload());
            }
            // a heartbeat (CN 9014) is acknowledged and counted, never published
            publish(station, "ecovalue/v1/QH-S03/hj212", BadInputCorpus.bytes(BadInputCorpus.hj212(
                    "QN=20261122080000000;ST=91;CN=9014;PW=123456;MN=QH-S03;Flag=4;CP=&&&&")));
            station.disconnect();
            station.close();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(observationsOf(observations, "QH-S03"))
                    .extracting(o -> o.get("seq").asInt())
                    .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, corpus.size()).boxed().toList()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<ConsumerRecord<String, byte[]>> letters = dlq.records();
                assertThat(letters).extracting(r -> ObservationIntake.decodeDlq(r.value()).reason())
                        .containsExactlyInAnyOrderElementsOf(corpus.stream().map(BadInputCorpus.Case::reason).toList());
            });
            var metrics = ingest.pipeline().metrics();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(metrics.total("ecovalue_ingest_dlq_total")).isEqualTo(corpus.size()));
            assertThat(metrics.count("ecovalue_ingest_rejected_total", "source", "mqtt-hj212", "station", "QH-S03",
                    "reason", "bad-crc")).isEqualTo(1);
            assertThat(metrics.count("ecovalue_ingest_skipped_total", "source", "mqtt-hj212", "what", "hj212-cn-9014"))
                    .isEqualTo(1);
            assertThat(metrics.count("ecovalue_ingest_published_total", "source", "mqtt-json", "station", "QH-S03"))
                    .isEqualTo(corpus.size());

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ingest.httpPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"kafka\":\"UP\"", "\"mqtt\":\"UP\"");
            HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ingest.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.body()).contains(
                    "ecovalue_ingest_rejected_total{source=\"mqtt-json\",station=\"XX-NOPE\",reason=\"unknown-station\"} 1",
                    "ecovalue_ingest_last_seen_age_seconds{station=\"QH-S03\"}");
        }
    }

    @Test
    void messagesPublishedWhileIngestIsAwayArriveWhenItReturnsOnItsPersistentSession() throws Exception {
        try (TopicReader observations = new TopicReader(BROKERS.bootstrapServers(), EcoTopic.OBSERVATIONS.topic())) {
            ingest("ingest-it-b", "it-b").close(); // subscribes, then goes away

            MqttClient station = station();
            for (int seq = 1; seq <= 3; seq++) {
                publish(station, "ecovalue/v1/IT-B1/obs", BadInputCorpus.bytes(BadInputCorpus.json("IT-B1", seq)));
            }
            station.disconnect();
            station.close();

            try (IngestService back = ingest("ingest-it-b", "it-b")) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(observationsOf(observations, "IT-B1"))
                                .extracting(o -> o.get("seq").asLong())
                                .containsExactlyInAnyOrder(1L, 2L, 3L));
            }
        }
    }
}
