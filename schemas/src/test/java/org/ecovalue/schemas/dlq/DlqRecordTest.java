package org.ecovalue.schemas.dlq;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.json.ObservationCodec;
import org.ecovalue.schemas.observation.Source;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;
import org.junit.jupiter.api.Test;

class DlqRecordTest {

    private static final byte[] BAD = "{\"station\":\"S\",\"ts\":1,\"readings\":[{\"param\":\"ph\",\"value\":15}]}"
            .getBytes(UTF_8);

    @Test
    void aRejectedPayloadKeepsItsReasonDetailAndExactBytes() {
        InputRejectedException rejection = null;
        try {
            ObservationCodec.decode(BAD);
        } catch (InputRejectedException e) {
            rejection = e;
        }

        DlqRecord r = DlqRecord.of(rejection, Source.MQTT_JSON, "ecovalue/v1/S/obs", 1777507200123L, BAD);

        assertThat(r.reason()).isEqualTo("absurd-value");
        assertThat(r.rejectReason()).isEqualTo(RejectReason.ABSURD_VALUE);
        assertThat(r.detail()).startsWith("ph = 15.0");
        assertThat(r.source()).isEqualTo("mqtt-json");
        assertThat(r.payload()).isEqualTo(BAD);
    }

    @Test
    void theWireFormHasTheFieldsOfDesign() throws Exception {
        DlqRecord r = DlqRecord.of(new InputRejectedException(RejectReason.BAD_CRC, "CRC 1C81, computed 1C80"),
                Source.MQTT_HJ212, "ecovalue/v1/SW390121000001/hj212", 5L, "##0101QN=".getBytes(UTF_8));

        String json = Json.mapper().writeValueAsString(r);

        assertThat(json).isEqualTo("{\"reason\":\"bad-crc\",\"detail\":\"CRC 1C81, computed 1C80\",\"source\":\"mqtt-hj212\","
                + "\"sourceRef\":\"ecovalue/v1/SW390121000001/hj212\",\"receivedAt\":5,\"payloadBase64\":\"IyMwMTAxUU49\"}");
        assertThat(Json.mapper().readValue(json, DlqRecord.class)).isEqualTo(r);
    }

    @Test
    void anEmptyPayloadIsKeptAsAnEmptyString() {
        DlqRecord r = DlqRecord.of(new InputRejectedException(RejectReason.MALFORMED_JSON, "empty payload"),
                Source.OPCUA, "opc.tcp://127.0.0.1:4840 ns=2;s=Stations/S1/do", 0L, null);

        assertThat(r.payloadBase64()).isEmpty();
        assertThat(r.payload()).isEmpty();
    }

    @Test
    void unknownReasonsSourcesAndBrokenBase64AreRefused() {
        assertThatThrownBy(() -> new DlqRecord("gremlins", "d", "mqtt-json", "t", 0, ""))
                .hasMessage("reason: 'gremlins' is not a reject reason code");
        assertThatThrownBy(() -> new DlqRecord("bad-crc", "d", "carrier-pigeon", "t", 0, ""))
                .hasMessage("source: 'carrier-pigeon' is not mqtt-json, mqtt-hj212 or opcua");
        assertThatThrownBy(() -> new DlqRecord("bad-crc", "d", "mqtt-json", "t", 0, "@@@"))
                .hasMessageStartingWith("payloadBase64: is not base64");
    }
}
