package org.ecovalue.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.ecovalue.schemas.dlq.DlqRecord;
import org.ecovalue.schemas.hj212.Hj212Decoder;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.topics.EcoTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ObservationIntakeTest {

    private static final long RECEIVED = 1_795_305_600_000L;
    private final ObservationIntake intake = new ObservationIntake(Hj212Decoder.strict(),
            StationDirectory.ofIds(Set.of("QH-S03", "QH-S04"), StationDirectory.UnknownStationPolicy.REJECT), 65_536);

    private static RawMessage mqtt(String kind, String station, byte[] payload) {
        String source = kind.equals("hj212") ? "mqtt-hj212" : "mqtt-json";
        return new RawMessage(source, "ecovalue/v1/" + station + "/" + kind, station, payload, RECEIVED);
    }

    private static Outbound published(IntakeDecision d) {
        assertThat(d).isInstanceOf(IntakeDecision.Publish.class);
        return ((IntakeDecision.Publish) d).record();
    }

    @Test
    void aGoodJsonObservationGoesToObservationsKeyedByStationWithIngestFields() throws Exception {
        Outbound out = published(intake.route(mqtt("obs", "QH-S03", BadInputCorpus.bytes("""
                {"station":"QH-S03","ts":"2026-11-22T08:00:00+08:00","seq":1812,
                 "readings":[{"param":"nh3n","value":420,"unit":"ug/L"}]}"""))));

        assertThat(out.topic()).isEqualTo(EcoTopic.OBSERVATIONS.topic());
        assertThat(out.key()).isEqualTo("QH-S03");
        JsonNode v = Json.mapper().readTree(out.value());
        assertThat(v.get("ts").asLong()).isEqualTo(1_795_305_600_000L);       // 08:00+08:00 = 00:00Z
        assertThat(v.at("/readings/0/value").asDouble()).isEqualTo(0.42);      // 420 µg/L → 0.42 mg/L
        assertThat(v.get("source").asText()).isEqualTo("mqtt-json");
        assertThat(v.get("sourceRef").asText()).isEqualTo("ecovalue/v1/QH-S03/obs");
        assertThat(v.get("ingestedAt").asLong()).isEqualTo(RECEIVED);
    }

    @Test
    void anHj212DataPacketBecomesAnObservationInBeijingTime() throws Exception {
        Outbound out = published(intake.route(mqtt("hj212", "QH-S03", BadInputCorpus.bytes(BadInputCorpus.hj212Data("QH-S03")))));

        JsonNode v = Json.mapper().readTree(out.value());
        assertThat(out.topic()).isEqualTo(EcoTopic.OBSERVATIONS.topic());
        // DataTime 2026-11-22 08:00:00 in Asia/Shanghai (UTC+8) = 00:00Z = 1795305600000
        assertThat(v.get("ts").asLong()).isEqualTo(1_795_305_600_000L);
        assertThat(v.at("/readings/0/param").asText()).isEqualTo("nh3n");      // w21003 = 氨氮
        assertThat(v.at("/readings/0/value").asDouble()).isEqualTo(0.52);
        assertThat(v.get("source").asText()).isEqualTo("mqtt-hj212");
    }

    @Test
    void anHj212HeartbeatIsCountedNotPublished() {
        // CN 9014: data response/acknowledgement (HJ 212-2017 Table 6); no monitoring data
        IntakeDecision d = intake.route(mqtt("hj212", "QH-S03", BadInputCorpus.bytes(BadInputCorpus.hj212(
                "QN=20261122080000000;ST=91;CN=9014;PW=123456;MN=QH-S03;Flag=4;CP=&&&&"))));

        assertThat(d).isInstanceOf(IntakeDecision.Skip.class);
        assertThat(((IntakeDecision.Skip) d).what()).isEqualTo("hj212-cn-9014");
    }

    static java.util.stream.Stream<BadInputCorpus.Case> corpus() {
        return BadInputCorpus.cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachBadInputGoesToTheDlqWithItsReasonAndTheBytesKept(BadInputCorpus.Case c) {
        RawMessage raw = mqtt(c.kind(), c.topicStation(), c.payload());
        IntakeDecision d = c.kind().equals("csv") ? intake.unsupported(raw, "no decoder") : intake.route(raw);
        Outbound out = published(d);

        assertThat(out.topic()).isEqualTo(EcoTopic.INGEST_DLQ.topic());
        assertThat(out.key()).isEqualTo(c.topicStation());
        DlqRecord dlq = ObservationIntake.decodeDlq(out.value());
        assertThat(dlq.reason()).isEqualTo(c.reason());
        assertThat(dlq.detail()).isNotBlank();
        assertThat(dlq.sourceRef()).isEqualTo("ecovalue/v1/" + c.topicStation() + "/" + c.kind());
        assertThat(dlq.receivedAt()).isEqualTo(RECEIVED);
        if (c.reason().equals("oversize-payload")) {
            assertThat(dlq.payload()).hasSize(16 * 1024).isEqualTo(java.util.Arrays.copyOf(c.payload(), 16 * 1024));
        } else {
            assertThat(dlq.payload()).isEqualTo(c.payload());
        }
    }

    @Test
    void anUnknownStationIsPublishedAndFlaggedWhenTheConfigurationSaysSo() {
        ObservationIntake lenient = new ObservationIntake(Hj212Decoder.strict(),
                StationDirectory.ofIds(Set.of("QH-S03"), StationDirectory.UnknownStationPolicy.ACCEPT_AND_FLAG), 65_536);

        IntakeDecision d = lenient.route(mqtt("obs", "XX-NEW", BadInputCorpus.bytes(BadInputCorpus.json("XX-NEW", 1))));

        assertThat(published(d).topic()).isEqualTo(EcoTopic.OBSERVATIONS.topic());
        assertThat(((IntakeDecision.Publish) d).unknownStation()).isTrue();
        assertThat(new String(published(d).value(), StandardCharsets.UTF_8)).contains("\"station\":\"XX-NEW\"");
    }
}
