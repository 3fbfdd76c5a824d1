package org.ecovalue.schemas.hj212;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Hj212DecoderTest {

    /** REFERENCE §6.7 #1, the official Appendix-A example. */
    static final String APPENDIX_A =
            "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n";
    /** REFERENCE §6.7 #7, synthetic surface-water hourly packet. */
    static final String SURFACE_WATER_HOURLY = "##0370QN=20250601090000000;ST=21;CN=2061;PW=123456;MN=SW320100000001;Flag=5;"
            + "CP=&&DataTime=20250601080000;w01010-Avg=24.6,w01010-Flag=N;w01001-Avg=7.62,w01001-Flag=N;"
            + "w01009-Avg=6.85,w01009-Flag=N;w01014-Avg=412,w01014-Flag=N;w01003-Avg=18.2,w01003-Flag=N;"
            + "w01019-Avg=3.8,w01019-Flag=N;w21003-Avg=0.412,w21003-Flag=N;w21011-Avg=0.118,w21011-Flag=N;"
            + "w21001-Avg=1.86,w21001-Flag=N&&D701\r\n";
    /** REFERENCE §6.7 #5, water real-time with SampleTime. */
    static final String WASTEWATER_REALTIME = "##0457QN=20210320163101890;ST=32;CN=2011;PW=123456;MN=81733553213013;Flag=4;"
            + "CP=&&DataTime=20210320013400;w00000-Rtd=181.682,w00000-Flag=N;w21001-SampleTime=20210320005400,"
            + "w21001-Rtd=45.160,w21001-Flag=N;w21011-SampleTime=20210320013400,w21011-Rtd=1.970,w21011-Flag=N;"
            + "w21003-SampleTime=20210320013400,w21003-Rtd=53.131,w21003-Flag=N;w01018-SampleTime=20210320013400,"
            + "w01018-Rtd=194.200,w01018-Flag=N;w01001-SampleTime=20210320013406,w01001-Rtd=7.496,w01001-Flag=N&&6E80\r\n";
    /** REFERENCE §6.7 #6: minute data whose QN comes after CN. */
    static final String QN_AFTER_CN = "##0197ST=32;CN=2051;QN=20190424002721168;PW=123456;MN=23040281003022;Flag=5;"
            + "CP=&&DataTime=20190416003000;w01018-Max=27.299999,w01018-Avg=27.300000,w01018-Min=27.299999,"
            + "w01018-Cou=0.000000,w01018-Flag=N&&D081\r\n";

    private final Hj212Decoder strict = Hj212Decoder.strict();

    @Test
    void theSurfaceWaterSampleDecodesToItsHourlyAveragesAtEightBeijingTime() throws Exception {
        Hj212Packet p = strict.decode(SURFACE_WATER_HOURLY);
        assertThat(p.cn()).isEqualTo("2061");
        assertThat(p.command()).contains(Hj212Command.HOURLY_DATA);
        assertThat(p.st()).isEqualTo("21");
        assertThat(p.mn()).isEqualTo("SW320100000001");
        assertThat(p.qn()).isEqualTo("20250601090000000");
        // Flag=5: version bits 1 (2017), A=1, D=0
        assertThat(p.version()).isEqualTo(Hj212Version.HJ_212_2017);
        assertThat(p.flag().ackRequested()).isTrue();
        assertThat(p.flag().splitBit()).isFalse();
        // DataTime 20250601080000 is Asia/Shanghai local time = 2025-06-01T08:00+08:00
        assertThat(p.dataTime()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(p.items().keySet()).containsExactly(
                "w01010", "w01001", "w01009", "w01014", "w01003", "w01019", "w21003", "w21011", "w21001");
        assertThat(p.items().get("w01001").avg()).isEqualByComparingTo("7.62");
        assertThat(p.items().get("w01009").avg()).isEqualByComparingTo("6.85");
        assertThat(p.items().get("w01019").avg()).isEqualByComparingTo("3.8");
        assertThat(p.items().get("w21003").avg()).isEqualByComparingTo("0.412");
        assertThat(p.items().get("w21011").avg()).isEqualByComparingTo("0.118");
        assertThat(p.items().get("w21011").flag()).isEqualTo("N");
        assertThat(p.isDataUpload()).isTrue();
        assertThat(p.isSplit()).isFalse();
    }

    @Test
    void theAppendixAExampleIsACommandWithItsCpKeptRaw() throws Exception {
        Hj212Packet p = strict.decode(APPENDIX_A);
        assertThat(p.command()).contains(Hj212Command.SET_REALTIME_INTERVAL);
        assertThat(p.pw()).isEqualTo("100000");
        assertThat(p.cp()).containsExactly(new Hj212CpField("RtdInterval", "30"));
        assertThat(p.cpValue("RtdInterval")).contains("30");
        assertThat(p.items()).isEmpty();
        assertThat(p.dataTime()).isNull();
        assertThat(p.isDataUpload()).isFalse();
        assertThat(p.toString()).doesNotContain("100000;").contains("pw=******");
    }

    @Test
    void sampleTimesAreReadInTheConfiguredZoneAndValuesKeepTheirDecimals() throws Exception {
        Hj212Packet p = strict.decode(WASTEWATER_REALTIME);
        Hj212DataItem tn = p.items().get("w21001");
        assertThat(tn.rtd()).isEqualTo(new BigDecimal("45.160"));
        // 2021-03-20 00:54:00 in Beijing is 2021-03-19 16:54:00 UTC
        assertThat(tn.sampleTime()).isEqualTo(Instant.parse("2021-03-19T16:54:00Z"));
        Hj212Packet utc = new Hj212Decoder(ZoneId.of("UTC"), Hj212Decoder.Mode.STRICT).decode(WASTEWATER_REALTIME);
        assertThat(utc.items().get("w21001").sampleTime()).isEqualTo(Instant.parse("2021-03-20T00:54:00Z"));
        assertThat(utc.dataTime()).isEqualTo(Instant.parse("2021-03-20T01:34:00Z"));
    }

    @Test
    void headerFieldsAreReadByKeySoQnMayFollowCn() throws Exception {
        Hj212Packet p = strict.decode(QN_AFTER_CN);
        assertThat(p.qn()).isEqualTo("20190424002721168");
        assertThat(p.cn()).isEqualTo("2051");
        Hj212DataItem cod = p.items().get("w01018");
        assertThat(cod.max()).isEqualTo(new BigDecimal("27.299999"));
        assertThat(cod.avg()).isEqualTo(new BigDecimal("27.300000"));
        assertThat(cod.min()).isEqualTo(new BigDecimal("27.299999"));
        assertThat(cod.cou()).isEqualTo(new BigDecimal("0.000000"));
    }

    @Test
    void theTrailingCrlfIsOptionalAndBytesDecodeLikeText() throws Exception {
        String noCrlf = APPENDIX_A.substring(0, APPENDIX_A.length() - 2);
        assertThat(strict.decode(noCrlf)).isEqualTo(strict.decode(APPENDIX_A));
        assertThat(strict.decode(APPENDIX_A.getBytes(UTF_8))).isEqualTo(strict.decode(APPENDIX_A));
        assertThat(strict.decode(noCrlf + "\n")).isEqualTo(strict.decode(APPENDIX_A));
    }

    @Test
    void aLowerCaseCrcIsAccepted() throws Exception {
        // REFERENCE §6.7 #3 with its CRC C241 written c241
        Hj212Packet p = strict.decode("##0087QN=20160801085000001;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&c241");
        assertThat(p.command()).contains(Hj212Command.DATA_ACK);
        assertThat(p.cp()).isEmpty();
    }

    @Test
    void versionBitsSelect2005And2017And2025() throws Exception {
        assertThat(strict.decode(frame("ST=91;CN=9014;PW=1;MN=M;Flag=0;CP=&&&&")).version()).isEqualTo(Hj212Version.HJT_212_2005);
        assertThat(strict.decode(frame("ST=91;CN=9014;PW=1;MN=M;Flag=4;CP=&&&&")).version()).isEqualTo(Hj212Version.HJ_212_2017);
        Hj212Packet v2025 = strict.decode(frame("ST=91;CN=9015;PW=1;MN=M;Flag=9;CP=&&&&"));
        assertThat(v2025.version()).isEqualTo(Hj212Version.HJ_212_2025);
        assertThat(v2025.flag().ackRequested()).isTrue();
        assertThat(v2025.command()).contains(Hj212Command.HEARTBEAT);
        // no Flag at all: a 2005 device (testdata V14, V32)
        assertThat(strict.decode(frame("ST=91;CN=9014;PW=1;MN=M;CP=&&&&")).version()).isEqualTo(Hj212Version.HJT_212_2005);
    }

    @Test
    void splitPartsCarryPnumAndPnoAndVendorHeaderKeysAreKept() throws Exception {
        Hj212Packet p = strict.decode(frame("QN=1;ST=31;CN=2051;PW=1;MN=M;Flag=7;PNUM=3;PNO=2;AL=;"
                + "CP=&&DataTime=20191112090000;a01006-Avg=101.85&&"));
        assertThat(p.isSplit()).isTrue();
        assertThat(p.pnum()).isEqualTo(3);
        assertThat(p.pno()).isEqualTo(2);
        assertThat(p.flag().splitBit()).isTrue();
        assertThat(p.otherHeaderFields()).containsExactly(Map.entry("AL", ""));
    }

    @Test
    void dataTimeWithMillisecondsAndEmptyDataTimeOfVendorQueriesAreAccepted() throws Exception {
        // testdata V34: 17-digit DataTime; V05: "DataTime=" in a 2005 vendor query
        assertThat(strict.decode(frame("ST=32;CN=2011;PW=1;MN=M;CP=&&DataTime=20160824003817000;011-Rtd=231.0&&")).dataTime())
                .isEqualTo(Instant.parse("2016-08-23T16:38:17Z"));
        assertThat(strict.decode(frame("ST=32;CN=5015;PW=1;MN=M;AL=;CP=&&DataTime=&&")).dataTime()).isNull();
    }

    @Test
    void aByteSwappedCrcIsRefusedWhenStrictAndReportedWhenTolerant() throws Exception {
        String swapped = APPENDIX_A.replace("1C80", "801C");
        InputRejectedException e = catchThrowableOfType(() -> strict.decode(swapped), InputRejectedException.class);
        assertThat(e.reason()).isEqualTo(RejectReason.BYTE_SWAPPED_CRC);
        assertThat(e.detail()).contains("801C").contains("1C80");
        Hj212Packet p = Hj212Decoder.tolerant().decode(swapped);
        assertThat(p.tolerated()).containsExactly(RejectReason.BYTE_SWAPPED_CRC);
        assertThat(p.cp()).containsExactly(new Hj212CpField("RtdInterval", "30"));
    }

    @Test
    void anUnknownCnIsRefusedWhenStrictAndReportedWhenTolerant() throws Exception {
        String unknown = frame("QN=1;ST=32;CN=4242;PW=1;MN=M;Flag=4;CP=&&&&");
        assertThat(reasonOf(unknown)).isEqualTo(RejectReason.UNKNOWN_CN);
        Hj212Packet p = Hj212Decoder.tolerant().decode(unknown);
        assertThat(p.tolerated()).containsExactly(RejectReason.UNKNOWN_CN);
        assertThat(p.command()).isEmpty();
    }

    @Test
    void eachStrictRefusalHasItsOwnReason() {
        String ok = "QN=20250601090000000;ST=21;CN=2011;PW=123456;MN=SW1;Flag=4;CP=&&DataTime=20250601090000;w01001-Rtd=7.6,w01001-Flag=N&&";
        Map<String, RejectReason> cases = new LinkedHashMap<>();
        cases.put("not a frame at all", RejectReason.BAD_FRAME);
        cases.put(frame(ok).replace("##0", "##1"), RejectReason.BAD_LENGTH);
        cases.put(withCrc(frame(ok), crc -> crc ^ 0x0001), RejectReason.BAD_CRC);
        cases.put(withCrc(frame(ok), Hj212Crc::byteSwap), RejectReason.BYTE_SWAPPED_CRC);
        cases.put(frame(ok.replace("MN=SW1;", "")), RejectReason.MISSING_HEADER_FIELD);
        cases.put(frame(ok.replace("Flag=4", "Flag=x")), RejectReason.BAD_FLAG_FIELD);
        cases.put(frame(ok.replace("CN=2011", "CN=2010")), RejectReason.UNKNOWN_CN);
        cases.put(frame(ok.replace("DataTime=20250601090000;", "")), RejectReason.MISSING_DATATIME);
        cases.put(frame(ok.replace("DataTime=20250601090000", "DataTime=20250230090000")), RejectReason.BAD_DATATIME);
        cases.put(frame(ok.replace("w01001-Rtd=7.6", "w01001-Rtd=7,6x")), RejectReason.BAD_CP);
        cases.put(frame(ok.replace("w01001-Rtd=7.6", "w01001-Rtd=NaN")), RejectReason.NON_NUMERIC_VALUE);
        cases.put(frame(ok.replace("Flag=4;", "Flag=4;PNUM=2;")), RejectReason.BAD_PACKET_NUMBER);
        cases.put("##" + "0".repeat(Hj212Decoder.MAX_FRAME_BYTES), RejectReason.OVERSIZE_PAYLOAD);
        Set<RejectReason> seen = EnumSet.noneOf(RejectReason.class);
        cases.forEach((packet, expected) -> {
            assertThat(reasonOf(packet)).as("%s", packet).isEqualTo(expected);
            seen.add(expected);
        });
        assertThat(seen).hasSize(cases.size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty                                 | ''                                                  | bad-frame
            no ## start                           | '**0101QN=1&&1C80'                                  | bad-frame
            length field not digits               | '##01a1QN=1&&1C80'                                  | bad-frame
            huge length, short body               | '##9999QN=1;CP=&&&&1C80'                            | bad-length
            CRC field not hex                     | '##0004&&&&zz12'                                    | bad-crc
            """)
    void malformedFramesAreRefusedByName(String name, String packet, String code) {
        assertThat(reasonOf(packet).code()).isEqualTo(code);
    }

    @Test
    void nonAsciiAndControlBytesNeverEscapeAsAnythingButARefusal() {
        String chinese = frame("QN=1;ST=21;CN=2011;PW=1;MN=站点;Flag=4;CP=&&DataTime=20250601090000;w01001-Rtd=七&&");
        assertThat(reasonOf(chinese)).isEqualTo(RejectReason.NON_NUMERIC_VALUE);
        byte[] raw = {'#', '#', '0', '0', '0', '2', (byte) 0xFF, (byte) 0xFE, 'A', 'B', 'C', 'D'};
        assertThat(catchThrowableOfType(() -> strict.decode(raw), InputRejectedException.class).reason())
                .isEqualTo(RejectReason.BAD_CRC);
        assertThat(catchThrowableOfType(() -> strict.decode("##0004\0\0\0\0B001"), InputRejectedException.class))
                .isNotNull();
        assertThat(catchThrowableOfType(() -> strict.decode((String) null), InputRejectedException.class).reason())
                .isEqualTo(RejectReason.BAD_FRAME);
    }

    @Test
    void aSecondAmpersandPairInsideCpIsRefused() {
        String nested = frame("QN=1;ST=91;CN=9014;PW=1;MN=M;Flag=4;CP=&&QnRtn=1&&ExeRtn=1&&");
        assertThat(reasonOf(nested)).isEqualTo(RejectReason.BAD_CP);
    }

    @Test
    void aFactorFieldSentTwiceIsAmbiguousAndRefused() {
        String twice = frame("QN=1;ST=21;CN=2011;PW=1;MN=M;Flag=4;CP=&&DataTime=20250601090000;w01001-Rtd=7.1;w01001-Rtd=7.2&&");
        assertThat(reasonOf(twice)).isEqualTo(RejectReason.BAD_CP);
    }

    /** {@code ##} + length + segment + CRC + CRLF, as a station builds it. */
    static String frame(String segment) {
        return Hj212Encoder.frame(segment);
    }

    private static String withCrc(String framed, IntUnaryOperator change) {
        String body = framed.substring(0, framed.length() - 6);
        int crc = Integer.parseInt(framed.substring(framed.length() - 6, framed.length() - 2), 16);
        return body + Hj212Crc.format(change.applyAsInt(crc)) + "\r\n";
    }

    private RejectReason reasonOf(String packet) {
        InputRejectedException e = catchThrowableOfType(() -> strict.decode(packet), InputRejectedException.class);
        assertThat(e).as("refusal of %s", packet).isNotNull();
        return e.reason();
    }
}
