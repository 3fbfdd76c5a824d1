package org.ecovalue.schemas.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.ecovalue.schemas.observation.Flag;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Reading;
import org.junit.jupiter.api.Test;

class Hj212EncoderTest {

    /** Sending time 2025-06-01 09:00:00.123 Beijing. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T01:00:00.123Z"), ZoneOffset.UTC);
    private final Hj212Encoder water2017 =
            new Hj212Encoder(CLOCK, Hj212Decoder.DEFAULT_ZONE, Hj212Version.HJ_212_2017, "21", "123456", false);

    @Test
    void framingTheAppendixASegmentReproducesTheOfficialPacket() {
        // REFERENCE §6.7 #1: length 0101, CRC 1C80
        String segment = "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&";
        assertThat(Hj212Encoder.frame(segment)).isEqualTo("##0101" + segment + "1C80\r\n");
    }

    @Test
    void anHourlyWaterObservationEncodesAsTheStandardLaysItOut() throws Exception {
        Observation o = new Observation("SW320100000001", Instant.parse("2025-06-01T00:00:00Z"), null, List.of(
                new Reading("ph", 7.62, ""), new Reading("nh3n", 0.412, "mg/L", Flag.M)));
        String packet = water2017.encode(o, Hj212Command.HOURLY_DATA);
        assertThat(packet).startsWith("##").endsWith("\r\n")
                .contains("QN=20250601090000123;ST=21;CN=2061;PW=123456;MN=SW320100000001;Flag=4;"
                        + "CP=&&DataTime=20250601080000;w01001-Avg=7.62,w01001-Flag=N;w21003-Avg=0.412,w21003-Flag=M&&");
        Hj212Packet decoded = Hj212Decoder.strict().decode(packet);
        assertThat(decoded.version()).isEqualTo(Hj212Version.HJ_212_2017);
        assertThat(decoded.flag().ackRequested()).isFalse();
    }

    @Test
    void encodeThenDecodeGivesTheSameReadings() throws Exception {
        Observation o = new Observation("QH-S03", Instant.parse("2026-11-22T00:00:00Z"), null, List.of(
                new Reading("ph", 7.9, ""),
                new Reading("do", 8.25, "mg/L", Flag.N),
                new Reading("nh3n", 0.42, "mg/L", Flag.C),
                new Reading("tp", 0.05, "mg/L"),
                new Reading("flow", 35.2, "m3/s"),
                new Reading("conductivity", 412.5, "µS/cm"),
                new Reading("water_temp", 12.3, "°C")));
        for (Hj212Command cn : List.of(Hj212Command.REALTIME_DATA, Hj212Command.MINUTE_DATA,
                Hj212Command.HOURLY_DATA, Hj212Command.DAILY_DATA)) {
            Observation back = Hj212Decoder.strict().decode(water2017.encode(o, cn)).toObservation().observation();
            assertThat(back.station()).isEqualTo(o.station());
            assertThat(back.ts()).isEqualTo(o.ts());
            assertThat(back.readings()).hasSameSizeAs(o.readings());
            for (int i = 0; i < o.readings().size(); i++) {
                Reading want = o.readings().get(i);
                Reading got = back.readings().get(i);
                assertThat(got.param()).isEqualTo(want.param());
                assertThat(got.value()).as(want.param()).isCloseTo(want.value(), within(1e-9 * Math.max(1, want.value())));
                assertThat(got.unit()).isEqualTo(want.unit());
                assertThat(got.flag()).isEqualTo(want.flag());
            }
        }
        // 35.2 m3/s travels as 35200 L/s (w00000, REFERENCE §6.5)
        assertThat(water2017.encode(o, Hj212Command.REALTIME_DATA)).contains("w00000-Rtd=35200,");
    }

    @Test
    void airReadingsRoundTripWithPressureInKilopascalsOnTheWire() throws Exception {
        Hj212Encoder air2025 = new Hj212Encoder(CLOCK, Hj212Decoder.DEFAULT_ZONE, Hj212Version.HJ_212_2025, "22", "123456", true);
        Observation o = new Observation("AQ1", Instant.parse("2026-02-01T01:00:00Z"), null, List.of(
                new Reading("pm25", 38, "µg/m3"), new Reading("co", 0.6, "mg/m3"), new Reading("pressure", 1013.2, "hPa")));
        String packet = air2025.encode(o, Hj212Command.REALTIME_DATA);
        // Flag = version 2 << 2 | A = 9; 1013.2 hPa = 101.32 kPa
        assertThat(packet).contains(";Flag=9;").contains("a01006-Rtd=101.32,");
        Hj212Observation back = Hj212Decoder.strict().decode(packet).toObservation();
        assertThat(back.observation().readings()).extracting(Reading::value).containsExactly(38.0, 0.6, 1013.2);
    }

    @Test
    void readingsInOtherUnitsAreConvertedBeforeEncoding() throws Exception {
        Observation o = new Observation("SW1", Instant.parse("2025-06-01T00:00:00Z"), null,
                List.of(new Reading("nh3n", 420, "ug/L")));
        assertThat(water2017.encode(o, Hj212Command.REALTIME_DATA)).contains("w21003-Rtd=0.42,");
    }

    @Test
    void whatCannotBeEncodedIsRefusedLoudly() {
        Instant ts = Instant.parse("2025-06-01T00:00:00Z");
        assertThat(Hj212Encoder.canEncode("neg_ion")).isFalse();
        assertThat(Hj212Encoder.canEncode("nh3n")).isTrue();
        assertThatThrownBy(() -> water2017.encode(new Observation("S", ts, null, List.of(new Reading("neg_ion", 1, "ions/cm3"))),
                Hj212Command.REALTIME_DATA)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neg_ion");
        assertThatThrownBy(() -> water2017.encode(new Observation("S;X", ts, null, List.of()), Hj212Command.REALTIME_DATA))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> water2017.encode(new Observation("S", ts, null, List.of()), Hj212Command.DATA_ACK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Hj212Encoder(CLOCK, Hj212Decoder.DEFAULT_ZONE, Hj212Version.HJT_212_2005, "21", "1", false))
                .isInstanceOf(IllegalArgumentException.class);
        Hj212Encoder stack = new Hj212Encoder(CLOCK, Hj212Decoder.DEFAULT_ZONE, Hj212Version.HJ_212_2017, "31", "1", false);
        assertThatThrownBy(() -> stack.encode(new Observation("S", ts, null, List.of(new Reading("so2", 5, "µg/m3"))),
                Hj212Command.REALTIME_DATA)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flue-gas");
    }
}
