package org.ecovalue.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecovalue.embedded.EmbeddedKafka;
import org.ecovalue.embedded.MosquittoProcess;
import org.ecovalue.ingest.BadInputCorpus;
import org.ecovalue.ingest.IngestService;
import org.ecovalue.ingest.StationDirectory;
import org.ecovalue.embedded.TopicReader;
import org.ecovalue.ingest.config.IngestConfig;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.topics.EcoTopic;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest with user name and password against Debian's Mosquitto configured as docs/ingest.md says:
 * per-station credentials and an ACL by which a station may publish only under its own id.
 */
class MosquittoAclIT {

    /** The ACL of docs/ingest.md. */
    static final String ACL = """
            user ecovalue-ingest
            topic read ecovalue/v1/#

            pattern write ecovalue/v1/%u/#
            """;

    @TempDir
    Path dir;

    private static MqttClient station(MosquittoProcess broker, String id, String password) throws Exception {
        MqttClient c = new MqttClient(broker.url(), "station-" + id, new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setUserName(id);
        o.setPassword(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        c.connect(o);
        return c;
    }

    private static void publishIgnoringRefusal(MqttClient c, String topic, String payload) {
        try {
            c.publish(topic, BadInputCorpus.bytes(payload), 1, false);
        } catch (Exception e) {
            // MQTT 5 brokers may answer "not authorized" (0x87); Mosquitto may also drop silently
        }
    }

    @Test
    void aStationCannotPublishForAnotherAndIngestReceivesEachStationsOwnMessages() throws Exception {
        EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start();
        kafka.createAllTopics();
        try (MosquittoProcess broker = MosquittoProcess.withAuth(dir.resolve("mosquitto"),
                Map.of("ecovalue-ingest", "ingest-secret", "QH-S03", "s03-secret", "QH-S04", "s04-secret"), ACL)) {
            broker.start();
            Map<String, String> file = new HashMap<>();
            file.put("kafka.bootstrap-servers", kafka.bootstrapServers());
            file.put("mqtt.server-uri", broker.url());
            file.put("mqtt.client-id", "ingest-acl");
            file.put("mqtt.username", "ecovalue-ingest");
            file.put("http.host", "127.0.0.1");
            file.put("http.port", "0");
            // the password from the environment, as docs/ingest.md recommends
            IngestConfig config = IngestConfig.from(file, Map.of("ECOVALUE_INGEST_MQTT_PASSWORD", "ingest-secret"));
            try (IngestService ingest = IngestService.create(config, StationDirectory.ofIds(Set.of("QH-S03", "QH-S04"),
                    StationDirectory.UnknownStationPolicy.REJECT)).start();
                 TopicReader observations = new TopicReader(kafka.bootstrapServers(), EcoTopic.OBSERVATIONS.topic());
                 TopicReader dlq = new TopicReader(kafka.bootstrapServers(), EcoTopic.INGEST_DLQ.topic())) {
                MqttClient s03 = station(broker, "QH-S03", "s03-secret");
                MqttClient s04 = station(broker, "QH-S04", "s04-secret");

                s03.publish("ecovalue/v1/QH-S03/obs", BadInputCorpus.bytes(BadInputCorpus.json("QH-S03", 1)), 1, false);
                // QH-S03 forges a reading for QH-S04, on QH-S04's topic with QH-S04 in the payload
                publishIgnoringRefusal(s03, "ecovalue/v1/QH-S04/obs", BadInputCorpus.json("QH-S04", 666));
                // then QH-S04's genuine message: once it is in Kafka, the forged one (sent before) would be too
                s04.publish("ecovalue/v1/QH-S04/obs", BadInputCorpus.bytes(BadInputCorpus.json("QH-S04", 2)), 1, false);

                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(seqs(observations))
                        .contains("QH-S03/1", "QH-S04/2"));
                assertThat(seqs(observations)).doesNotContain("QH-S04/666");
                assertThat(dlq.records()).isEmpty();
                s03.disconnect();
                s04.disconnect();
            }
        } finally {
            kafka.close();
        }
    }

    private static List<String> seqs(TopicReader reader) {
        return reader.records().stream().map(r -> {
            try {
                return r.key() + "/" + Json.mapper().readTree(r.value()).get("seq").asText();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
