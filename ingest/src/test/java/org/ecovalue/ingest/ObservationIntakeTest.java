package org.ecovalue.ingest;

import org.ecovalue.schemas.topics.EcoTopic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.ecovalue.schemas.json.Json;
import org.junit.jupiter.api.Test;

class ObservationIntakeTest {

    private static final long RECEIVED = 1_795_305_600_000L;
    private final ObservationIntake intake = ObservationIntake.json();

    private static RawMessage mqtt(String station, String json) {
        return new RawMessage("mqtt-json", "ecovalue/v1/" + station + "/obs", station,
                json.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }

    @Test
    void aGoodObservationGoesToObservationsKeyedByStationWithIngestFields() throws Exception {
        Outbound out = intake.route(mqtt("QH-S03", """
                {"station":"QH-S03","ts":"2026-11-22T08:00:00+08:00","seq":1812,
                 "readings":[{"param":"nh3n","value":420,"unit":"ug/L"}]}"""));

        assertThat(out.topic()).isEqualTo(EcoTopic.OBSERVATIONS.topic());
        assertThat(out.key()).isEqualTo("QH-S03");
        assertThat(out.isDeadLetter()).isFalse();
        JsonNode v = Json.mapper().readTree(out.value());
        assertThat(v.get("ts").asLong()).isEqualTo(1_795_305_600_000L);       // 08:00+08:00 = 00:00Z
        assertThat(v.at("/readings/0/value").asDouble()).isEqualTo(0.42);      // 420 µg/L → 0.42 mg/L
        assertThat(v.get("source").asText()).isEqualTo("mqtt-json");
        assertThat(v.get("sourceRef").asText()).isEqualTo("ecovalue/v1/QH-S03/obs");
        assertThat(v.get("ingestedAt").asLong()).isEqualTo(RECEIVED);
    }

    @Test
    void malformedJsonGoesToTheDlqWithThePayloadKept() {
        Outbound out = intake.route(mqtt("QH-S03", "{\"station\":\"QH-S03\",\"ts\":"));

        assertThat(out.topic()).isEqualTo(EcoTopic.INGEST_DLQ.topic());
        DeadLetter dl = DeadLetter.fromJson(out.value());
        assertThat(dl.reason()).isEqualTo("malformed-json");
        assertThat(dl.source()).isEqualTo("mqtt-json");
        assertThat(dl.sourceRef()).isEqualTo("ecovalue/v1/QH-S03/obs");
        assertThat(dl.receivedAt()).isEqualTo(RECEIVED);
        assertThat(new String(Base64.getDecoder().decode(dl.payloadBase64()), StandardCharsets.UTF_8))
                .isEqualTo("{\"station\":\"QH-S03\",\"ts\":");
    }

    @Test
    void aPayloadClaimingAnotherStationThanItsTopicIsAStationMismatch() {
        Outbound out = intake.route(mqtt("QH-S03", """
                {"station":"QH-S04","ts":1795305600000,"readings":[{"param":"do","value":7.1}]}"""));

        assertThat(out.topic()).isEqualTo(EcoTopic.INGEST_DLQ.topic());
        assertThat(out.key()).isEqualTo("QH-S03");
        assertThat(out.reason()).isEqualTo("station-mismatch");
        assertThat(DeadLetter.fromJson(out.value()).detail()).contains("QH-S03").contains("QH-S04");
    }

    @Test
    void anAbsurdValueIsRejectedWithTheCodecsReason() {
        Outbound out = intake.route(mqtt("QH-S03", """
                {"station":"QH-S03","ts":1795305600000,"readings":[{"param":"ph","value":15}]}"""));

        assertThat(out.reason()).isEqualTo("absurd-value");
    }
}
