package org.ecovalue.schemas.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.ecovalue.schemas.json.Json;
import org.junit.jupiter.api.Test;

class Hj212JsonLinesTest {

    private final Hj212Decoder strict = Hj212Decoder.strict();

    private JsonNode render(String line) throws Exception {
        String json = Hj212JsonLines.render(line, strict);
        assertThat(json).doesNotContain("\n");
        return Json.mapper().readTree(json);
    }

    @Test
    void aDataPacketBecomesTheObservationWithCnAndUnmappedFactors() throws Exception {
        JsonNode n = render(Hj212DecoderTest.SURFACE_WATER_HOURLY.strip());
        assertThat(n.get("station").asText()).isEqualTo("SW320100000001");
        // DataTime 2025-06-01 08:00 Beijing, as epoch ms
        assertThat(n.get("ts").asLong()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z").toEpochMilli());
        assertThat(n.get("cn").asText()).isEqualTo("2061");
        assertThat(n.get("version").asText()).isEqualTo("2017");
        assertThat(n.get("readings")).hasSize(9);
        JsonNode ph = n.get("readings").get(1);
        assertThat(ph.get("param").asText()).isEqualTo("ph");
        assertThat(ph.get("value").asDouble()).isEqualTo(7.62);
        assertThat(ph.get("flag").asText()).isEqualTo("N");
        assertThat(n.get("unmapped").isArray()).isTrue();
        assertThat(n.get("unmapped")).isEmpty();
        assertThat(n.has("source")).isFalse();
    }

    @Test
    void aCommandPacketIsDescribedWithoutItsPassword() throws Exception {
        JsonNode n = render(Hj212DecoderTest.APPENDIX_A);
        JsonNode p = n.get("packet");
        assertThat(p.get("cn").asText()).isEqualTo("1062");
        assertThat(p.get("command").asText()).isEqualTo("set real-time data interval");
        assertThat(p.get("flag").asInt()).isEqualTo(5);
        assertThat(p.get("ackRequested").asBoolean()).isTrue();
        assertThat(p.get("cp").get("RtdInterval").asText()).isEqualTo("30");
        assertThat(p.has("pw")).isFalse();
        assertThat(n.toString()).doesNotContain("100000");
    }

    @Test
    void aRejectionIsTheReasonCodeAndDetail() throws Exception {
        JsonNode n = render(Hj212DecoderTest.APPENDIX_A.replace("1C80", "1C81"));
        assertThat(n.get("error").asText()).isEqualTo("bad-crc");
        assertThat(n.get("detail").asText()).contains("1C81").contains("1C80");
        assertThat(render("").get("error").asText()).isEqualTo("bad-frame");
        assertThat(render(null).get("error").asText()).isEqualTo("bad-frame");
    }

    @Test
    void whatATolerantDecoderLetThroughIsShown() throws Exception {
        // REFERENCE §6.7 #7 with its CRC D701 sent byte-swapped as 01D7
        String swapped = Hj212DecoderTest.SURFACE_WATER_HOURLY.replace("&&D701", "&&01D7");
        JsonNode n = Json.mapper().readTree(Hj212JsonLines.render(swapped, Hj212Decoder.tolerant()));
        assertThat(n.get("readings")).hasSize(9);
        assertThat(n.get("tolerated").get(0).asText()).isEqualTo("byte-swapped-crc");
        assertThat(render(swapped).get("error").asText()).isEqualTo("byte-swapped-crc");
    }

    @Test
    void aValidDataPacketWithoutStationIsShownAsAPacketWithTheReasonItCannotBeAnObservation() throws Exception {
        // testdata V15 style: MN= empty. The frame is valid (length and CRC check), so it decodes;
        // ingest could not attribute it to a station and would refuse it with missing-header-field.
        String line = Hj212DecoderTest.frame("ST=31;CN=2011;PW=;MN=;CP=&&DataTime=20200718123600;w01001-Rtd=7&&");
        Hj212JsonLines.Line rendered = Hj212JsonLines.renderLine(line, Hj212Decoder.strict());
        JsonNode n = Json.mapper().readTree(rendered.json());
        assertThat(rendered.refused()).isFalse();
        assertThat(n.get("packet").get("cn").asText()).isEqualTo("2011");
        assertThat(n.get("observationError").get("error").asText()).isEqualTo("missing-header-field");
    }

    @Test
    void repeatedCpKeysAreKeptAsAnArray() throws Exception {
        JsonNode n = render(Hj212DecoderTest.frame("QN=1;ST=32;CN=3020;PW=1;MN=M;Flag=4;CP=&&PolId=w01018;PolId=w21003&&"));
        assertThat(n.get("packet").get("cp").get("PolId")).hasSize(2);
    }
}
