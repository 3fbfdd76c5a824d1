package org.ecovalue.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecovalue.embedded.TopicReader;
import org.ecovalue.ingest.BadInputCorpus;
import org.ecovalue.ingest.IngestService;
import org.ecovalue.ingest.ObservationIntake;
import org.ecovalue.ingest.StationDirectory;
import org.ecovalue.ingest.config.IngestConfig;
import org.ecovalue.schemas.dlq.DlqRecord;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.topics.EcoTopic;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.ecovalue.ingest.Brokers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Split HJ 212 packets (Flag bit D, PNUM/PNO) sent as one MQTT message per part: ingest joins them
 * into one observation, and sends a packet whose parts stop coming to the DLQ as incomplete-split,
 * while whole packets around them pass.
 */
class Hj212SplitPacketsIT {

    private static final String STATION = BadInputCorpus.STATION;
    private static final String TOPIC = "ecovalue/v1/" + STATION + "/hj212";

    @RegisterExtension
    static final Brokers BROKERS = Brokers.mqttAndKafka();

    /** Part {@code pno} of {@code pnum} of the CN 2011 packet QN={@code qn}; Flag 6 = HJ 212-2017 (4) + split (2). */
    private static byte[] part(String qn, int pnum, int pno, String cp) {
        return BadInputCorpus.hj212("QN=" + qn + ";ST=21;CN=2011;PW=123456;MN=" + STATION + ";Flag=6;PNUM=" + pnum
                + ";PNO=" + pno + ";CP=&&" + cp + "&&").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void partsInSeparateMessagesBecomeOneObservationAndAnUnfinishedPacketGoesToTheDlq() throws Exception {
        Map<String, String> file = new HashMap<>();
        file.put("kafka.bootstrap-servers", BROKERS.bootstrapServers());
        file.put("kafka.client-id", "ingest-split");
        file.put("mqtt.server-uri", BROKERS.mqttUri());
        file.put("mqtt.client-id", "ingest-split");
        file.put("hj212.split-timeout", "PT3S");
        file.put("http.host", "127.0.0.1");
        file.put("http.port", "0");
        try (IngestService ingest = IngestService.create(IngestConfig.from(file, Map.of()),
                StationDirectory.ofIds(Set.of(STATION), StationDirectory.UnknownStationPolicy.REJECT)).start();
             TopicReader observations = new TopicReader(BROKERS.bootstrapServers(), EcoTopic.OBSERVATIONS.topic());
             TopicReader dlq = new TopicReader(BROKERS.bootstrapServers(), EcoTopic.INGEST_DLQ.topic())) {
            MqttClient station = new MqttClient(BROKERS.mqttUri(), "station-split", new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            station.connect(options);

            // packet A, 2 parts: NH3-N (w21003) 0.52 mg/L in part 1, COD (w01018) 18.5 mg/L in part 2
            station.publish(TOPIC, part("20261122080000001", 2, 1, "DataTime=20261122080000;w21003-Rtd=0.52,w21003-Flag=N"),
                    1, false);
            // packet B, 3 parts, of which only part 1 is ever sent
            byte[] lonely = part("20261122080000002", 3, 1, "DataTime=20261122080000;w21011-Rtd=0.11,w21011-Flag=N");
            station.publish(TOPIC, lonely, 1, false);
            station.publish(TOPIC, BadInputCorpus.bytes(BadInputCorpus.hj212Data(STATION)), 1, false);
            station.publish(TOPIC, part("20261122080000001", 2, 2, "w01018-Rtd=18.5,w01018-Flag=N"), 1, false);

            await().atMost(Duration.ofSeconds(30)).until(() -> observations.records().size() >= 2);
            List<JsonNode> obs = observations.records().stream().map(r -> json(r.value())).toList();
            // the whole packet (w21003 0.52 only) and the joined A: two observations, not three
            assertThat(obs).hasSize(2);
            JsonNode joined = obs.stream().filter(o -> o.get("readings").size() == 2).findFirst().orElseThrow();
            // DataTime 2026-11-22 08:00 Beijing (UTC+8) = 2026-11-22T00:00Z = 1 795 305 600 s after the epoch
            assertThat(joined.get("ts").asLong()).isEqualTo(1_795_305_600_000L);
            assertThat(joined.get("station").asText()).isEqualTo(STATION);
            assertThat(joined.at("/readings/0/param").asText()).isEqualTo("nh3n");
            assertThat(joined.at("/readings/0/value").asDouble()).isEqualTo(0.52);
            assertThat(joined.at("/readings/1/param").asText()).isEqualTo("cod");
            assertThat(joined.at("/readings/1/value").asDouble()).isEqualTo(18.5);

            // B: after the 3 s timeout (checked every second), one DLQ record with the part that came
            await().atMost(Duration.ofSeconds(30)).until(() -> !dlq.records().isEmpty());
            assertThat(dlq.records()).hasSize(1);
            DlqRecord dead = ObservationIntake.decodeDlq(dlq.records().get(0).value());
            assertThat(dead.reason()).isEqualTo("incomplete-split");
            assertThat(dead.detail()).contains("1 of 3 parts received");
            assertThat(dead.sourceRef()).isEqualTo(TOPIC);
            assertThat(dead.payload()).isEqualTo(lonely);
            assertThat(ingest.pipeline().pendingSplitPackets()).isZero();
            assertThat(ingest.pipeline().metrics().count("ecovalue_ingest_rejected_total", "source", "mqtt-hj212",
                    "station", STATION, "reason", "incomplete-split")).isEqualTo(1);
            station.disconnect();
            station.close();
        }
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return Json.mapper().readTree(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
