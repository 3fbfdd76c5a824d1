package org.ecovalue.schemas.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.ecovalue.schemas.observation.Flag;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObservationCodecTest {

    private static Observation decode(String json) throws InputRejectedException {
        return ObservationCodec.decode(json.getBytes(UTF_8));
    }

    @Test
    void theDesignExampleDecodesWithBeijingTimeAsUtcInstant() throws Exception {
        Observation o = decode("""
                { "station": "QH-S03", "ts": "2026-11-22T08:00:00+08:00", "seq": 1812,
                  "readings": [ {"param": "nh3n", "value": 0.42, "unit": "mg/L", "flag": "N"},
                                {"param": "flow", "value": 35.2, "unit": "m3/s"} ] }""");
        assertThat(o.station()).isEqualTo("QH-S03");
        assertThat(o.ts()).isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
        assertThat(o.seq()).isEqualTo(1812L);
        assertThat(o.readings()).hasSize(2);
        assertThat(o.readings().get(1).flag()).isEqualTo(Flag.N);
    }

    @Test
    void unitsWithAnExactConversionAreConverted() throws Exception {
        // 420 µg/L = 0.42 mg/L; 35 200 L/s = 35.2 m3/s; 0.055 mg/m3 of PM2.5 = 55 µg/m3
        Observation o = decode("""
                {"station":"S","ts":1763769600000,"readings":[
                  {"param":"nh3n","value":420,"unit":"ug/L"},
                  {"param":"flow","value":35200,"unit":"L/s"},
                  {"param":"pm25","value":0.055,"unit":"mg/m3"}]}""");
        assertThat(o.readings()).extracting(r -> r.value()).containsExactly(0.42, 35.2, 55.0);
        assertThat(o.readings()).extracting(r -> r.unit()).containsExactly("mg/L", "m3/s", "µg/m3");
    }

    @Test
    void encodedObservationsDecodeToTheSameValue() throws Exception {
        Observation o = decode("""
                {"station":"S1","ts":"2026-01-01T00:00:00Z","readings":[{"param":"do","value":7.5,"unit":"mg/L","flag":"M"}]}""")
                .withIngest("mqtt-json", "ecovalue/v1/S1/obs", 42L);
        String wire = new String(ObservationCodec.encode(o), UTF_8);
        assertThat(wire).contains("\"ts\":1767225600000").contains("\"source\":\"mqtt-json\"");
        assertThat(ObservationCodec.decode(wire.getBytes(UTF_8))).isEqualTo(o);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not json at all                 | {oops                                                                                   | malformed-json
            no station                      | {"ts":1,"readings":[{"param":"do","value":1}]}                                           | missing-field
            local time without offset       | {"station":"S","ts":"2026-01-01T08:00:00","readings":[{"param":"do","value":1}]}        | bad-timestamp
            empty readings                  | {"station":"S","ts":1,"readings":[]}                                                     | no-readings
            unknown parameter               | {"station":"S","ts":1,"readings":[{"param":"unobtainium","value":1}]}                   | unknown-parameter
            ppb needs temperature for µg/m3 | {"station":"S","ts":1,"readings":[{"param":"so2","value":10,"unit":"ppb"}]}              | unit-not-convertible
            made-up unit                    | {"station":"S","ts":1,"readings":[{"param":"do","value":1,"unit":"furlongs"}]}           | unknown-unit
            NaN as text                     | {"station":"S","ts":1,"readings":[{"param":"do","value":"NaN"}]}                        | non-finite-value
            negative concentration          | {"station":"S","ts":1,"readings":[{"param":"nh3n","value":-0.1,"unit":"mg/L"}]}          | absurd-value
            pH of 15                        | {"station":"S","ts":1,"readings":[{"param":"ph","value":15}]}                            | absurd-value
            flag Z                          | {"station":"S","ts":1,"readings":[{"param":"do","value":1,"flag":"Z"}]}                 | bad-flag
            same parameter twice            | {"station":"S","ts":1,"readings":[{"param":"do","value":1},{"param":"do","value":2}]}    | duplicate-parameter
            """)
    void badInputIsRejectedWithItsReason(String what, String json, String reason) {
        assertThatThrownBy(() -> decode(json))
                .isInstanceOf(InputRejectedException.class)
                .extracting(e -> ((InputRejectedException) e).reason().code())
                .isEqualTo(reason);
    }

    @Test
    void anOversizePayloadIsRejectedBeforeParsing() {
        byte[] big = new byte[ObservationCodec.MAX_PAYLOAD_BYTES + 1];
        assertThatThrownBy(() -> ObservationCodec.decode(big))
                .extracting(e -> ((InputRejectedException) e).reason())
                .isEqualTo(RejectReason.OVERSIZE_PAYLOAD);
    }
}
