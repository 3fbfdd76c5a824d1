package org.ecovalue.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ecovalue.schemas.hj212.Hj212Crc;

/**
 * Malformed and invalid inputs with the DLQ reason each must get, worked out from DESIGN.md and
 * HJ 212-2017 (§6.3: {@code ##} + 4-digit data-segment length + segment + 4-hex CRC16), not from
 * ingest's output. Shared by the intake unit test and the MQTT integration test.
 */
public final class BadInputCorpus {

    /** One bad input: the MQTT topic kind ({@code obs}/{@code hj212}), the topic's station, the payload. */
    public record Case(String name, String kind, String topicStation, byte[] payload, String reason) {
    }

    public static final String STATION = "QH-S03";

    private BadInputCorpus() {
    }

    public static String json(String station, int seq) {
        return """
                {"station":"%s","ts":"2026-11-22T08:00:00+08:00","seq":%d,
                 "readings":[{"param":"nh3n","value":0.42,"unit":"mg/L","flag":"N"}]}""".formatted(station, seq);
    }

    /** A framed HJ 212 packet: length = the segment's bytes, CRC16 of HJ 212-2017 Appendix A. */
    public static String hj212(String segment) {
        int crc = Hj212Crc.compute(segment);
        return "##%04d%s%04X\r\n".formatted(segment.getBytes(StandardCharsets.US_ASCII).length, segment, crc);
    }

    /** CN 2011 (real-time data) of QH-S03: NH3-N (w21003) 0.52 mg/L at 08:00 Beijing time. */
    public static String hj212Data(String mn) {
        return hj212("QN=20261122080000000;ST=21;CN=2011;PW=123456;MN=" + mn
                + ";Flag=4;CP=&&DataTime=20261122080000;w21003-Rtd=0.52,w21003-Flag=N&&");
    }

    public static List<Case> cases() {
        String goodHj = hj212Data(STATION);
        String badCrc = goodHj.substring(0, goodHj.length() - 6) + "0000\r\n";
        String badLength = "##0999" + goodHj.substring(6);
        return List.of(
                new Case("truncated JSON", "obs", STATION, bytes("{\"station\":\"QH-S03\",\"ts\":"), "malformed-json"),
                new Case("not JSON at all", "obs", STATION, bytes("nh3n=0.42"), "malformed-json"),
                new Case("HJ 212 with a wrong CRC", "hj212", STATION, bytes(badCrc), "bad-crc"),
                new Case("HJ 212 whose length field disagrees", "hj212", STATION, bytes(badLength), "bad-length"),
                new Case("unknown station", "obs", "XX-NOPE", bytes(json("XX-NOPE", 1)), "unknown-station"),
                new Case("topic says one station, payload another", "obs", STATION, bytes(json("QH-S04", 1)),
                        "station-mismatch"),
                new Case("HJ 212 MN differs from the topic", "hj212", STATION, bytes(hj212Data("QH-S04")),
                        "station-mismatch"),
                new Case("a unit nobody knows", "obs", STATION, bytes("""
                        {"station":"QH-S03","ts":1795305600000,"readings":[{"param":"nh3n","value":1,"unit":"furlong"}]}"""),
                        "unknown-unit"),
                new Case("a number beyond double", "obs", STATION, bytes("""
                        {"station":"QH-S03","ts":1795305600000,"readings":[{"param":"nh3n","value":1e999,"unit":"mg/L"}]}"""),
                        "non-finite-value"),
                new Case("HJ 212 data packet with no mapped factor", "hj212", STATION, bytes(hj212(
                        "QN=20261122080000000;ST=21;CN=2011;PW=123456;MN=QH-S03;Flag=4;CP=&&DataTime=20261122080000;"
                                + "zz999-Rtd=1.0,zz999-Flag=N&&")), "no-readings"),
                new Case("oversize payload", "obs", STATION, oversize(), "oversize-payload"),
                new Case("a topic without a decoder", "csv", STATION, bytes("nh3n,0.42"), "unsupported-topic"));
    }

    private static byte[] oversize() {
        StringBuilder b = new StringBuilder("{\"station\":\"QH-S03\",\"pad\":\"");
        b.append("x".repeat(70_000)).append("\"}");
        return bytes(b.toString());
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
