package org.ecovalue.schemas.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.ecovalue.schemas.hj212.Hj212DecoderTest.frame;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ecovalue.schemas.observation.Flag;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.observation.Reading;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;
import org.ecovalue.schemas.units.UnitConversion;
import org.junit.jupiter.api.Test;

class Hj212ObservationMapperTest {

    private final Hj212Decoder strict = Hj212Decoder.strict();

    private Hj212Observation map(String packet) throws InputRejectedException {
        return strict.decode(packet).toObservation();
    }

    private static Map<String, Reading> byParam(Observation o) {
        return o.readings().stream().collect(Collectors.toMap(Reading::param, Function.identity()));
    }

    @Test
    void theSurfaceWaterSampleGivesTheNineBasicParametersAtEightBeijingTime() throws Exception {
        Hj212Observation o = map(Hj212DecoderTest.SURFACE_WATER_HOURLY);
        assertThat(o.observation().station()).isEqualTo("SW320100000001");
        assertThat(o.observation().ts()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(o.command()).isEqualTo(Hj212Command.HOURLY_DATA);
        Map<String, Reading> r = byParam(o.observation());
        // REFERENCE §6.7 #7, Avg values of a CN 2061 packet
        assertThat(r.get("ph").value()).isEqualTo(7.62);
        assertThat(r.get("do").value()).isEqualTo(6.85);
        assertThat(r.get("codmn").value()).isEqualTo(3.8);
        assertThat(r.get("nh3n").value()).isEqualTo(0.412);
        assertThat(r.get("tp").value()).isEqualTo(0.118);
        assertThat(r.get("tn").value()).isEqualTo(1.86);
        assertThat(r.get("water_temp").value()).isEqualTo(24.6);
        assertThat(r.get("conductivity").value()).isEqualTo(412.0);
        assertThat(r.get("turbidity").value()).isEqualTo(18.2);
        assertThat(r.get("nh3n").unit()).isEqualTo("mg/L");
        assertThat(r.get("ph").unit()).isEmpty();
        assertThat(o.observation().readings()).hasSize(9).allMatch(x -> x.flag() == Flag.N);
        assertThat(o.unmapped()).isEmpty();
    }

    @Test
    void theAirSampleGivesTheSixAqiPollutantsInMicrogramsAndCoInMilligrams() throws Exception {
        // REFERENCE §6.7 #8, real-time (Rtd) values of an ambient air station (ST 22)
        Hj212Observation o = map("##0269QN=20250601090000000;ST=22;CN=2011;PW=123456;MN=AQ320100000001;Flag=4;"
                + "CP=&&DataTime=20250601090000;a34004-Rtd=38,a34004-Flag=N;a34002-Rtd=66,a34002-Flag=N;"
                + "a21026-Rtd=7,a21026-Flag=N;a21004-Rtd=28,a21004-Flag=N;a21005-Rtd=0.6,a21005-Flag=N;"
                + "a05024-Rtd=142,a05024-Flag=N&&8A81");
        Map<String, Reading> r = byParam(o.observation());
        assertThat(r.get("pm25").value()).isEqualTo(38.0);
        assertThat(r.get("pm10").value()).isEqualTo(66.0);
        assertThat(r.get("so2").value()).isEqualTo(7.0);
        assertThat(r.get("no2").value()).isEqualTo(28.0);
        assertThat(r.get("o3").value()).isEqualTo(142.0);
        assertThat(r.get("pm25").unit()).isEqualTo("µg/m3");
        assertThat(r.get("co").value()).isEqualTo(0.6);
        assertThat(r.get("co").unit()).isEqualTo("mg/m3");
        assertThat(o.observation().ts()).isEqualTo(Instant.parse("2025-06-01T01:00:00Z"));
    }

    @Test
    void wastewaterFlowInLitresPerSecondBecomesCubicMetresPerSecond() throws Exception {
        // REFERENCE §6.5: w00000 Rtd in L/s; 181.682 L/s = 0.181682 m3/s
        Hj212Observation o = map(Hj212DecoderTest.WASTEWATER_REALTIME);
        Reading flow = byParam(o.observation()).get("flow");
        assertThat(flow.value()).isCloseTo(0.181682, within(1e-12));
        assertThat(flow.unit()).isEqualTo("m3/s");
        assertThat(byParam(o.observation()).get("cod").value()).isEqualTo(194.2);
    }

    @Test
    void pressureInKilopascalsBecomesHectopascalsAndUnmappedFactorsAreListed() throws Exception {
        // REFERENCE §6.7 #2 (testdata V40): a01006 101.02 kPa = 1010.2 hPa; "LA-td" typo, TSP, wind direction
        Hj212Observation o = map("##0453QN=20160801085000001;ST=22;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=7;"
                + "CP=&&DataTime=20160801084000;a21005-Rtd=1.1,a21005-Flag=N;a21004-Rtd=112,a21004-Flag=N;a21026-Rtd=58,"
                + "a21026-Flag=N;LA-td=50.1,LA-Flag=N;a34004-Rtd=207,a34004-Flag=N;a34002-Rtd=295,a34002-Flag=N;"
                + "a01001-Rtd=12.6,a01001-Flag=N;a01002-Rtd=32,a01002-Flag=N;a01006-Rtd=101.02,a01006-Flag=N;"
                + "a01007-Rtd=2.1,a01007-Flag=N;a01008-Rtd=120,a01008-Flag=N;a34001-Rtd=217,a34001-Flag=N;&&c0c1");
        Map<String, Reading> r = byParam(o.observation());
        assertThat(r.get("pressure").value()).isCloseTo(1010.2, within(1e-9));
        assertThat(r.get("air_temp").value()).isEqualTo(12.6);
        assertThat(r.get("humidity").value()).isEqualTo(32.0);
        assertThat(r.get("wind_speed").value()).isEqualTo(2.1);
        assertThat(o.unmapped()).extracting(Hj212UnmappedFactor::factor).containsExactly("LA", "a01008", "a34001");
        assertThat(o.unmapped().get(0).reason()).contains("no canonical parameter");
    }

    @Test
    void flueGasPollutantsOfASourceAreReportedNotTakenForAmbientAir() throws Exception {
        // ST 31 (air pollution source): SO2 106.4 mg/m3 in the stack is an emission, not ambient so2;
        // ambient pressure a01006 (testdata V21, ST 31) still maps
        Hj212Observation o = map(frame("QN=1;ST=31;CN=2011;PW=1;MN=STACK1;Flag=4;CP=&&DataTime=20190901181500;"
                + "a21026-Rtd=106.4,a21026-Flag=N;a01006-Rtd=101.85&&"));
        assertThat(o.observation().readings()).extracting(Reading::param).containsExactly("pressure");
        assertThat(o.unmapped()).singleElement().satisfies(u -> {
            assertThat(u.factor()).isEqualTo("a21026");
            assertThat(u.reason()).contains("flue-gas").contains("ST 31");
        });
    }

    @Test
    void oldHjt2122005CodesMapWhereAppendixBGivesOneCode() throws Exception {
        // testdata V35: 011 COD 231.0 mg/L, 060 NH3-N 1.803 mg/L, B01 wastewater 36.91 L/s = 0.03691 m3/s
        Hj212Observation o = map("##0136ST=32;CN=2011;PW=000000;MN=LD130133000015;CP=&&DataTime=20160824003817;"
                + "011-Rtd=231.0,011-Flag=N;B01-Rtd=36.91;060-Rtd=1.803,060-Flag=N&&1dc0");
        Map<String, Reading> r = byParam(o.observation());
        assertThat(r.get("cod").value()).isEqualTo(231.0);
        assertThat(r.get("nh3n").value()).isEqualTo(1.803);
        assertThat(r.get("flow").value()).isCloseTo(0.03691, within(1e-12));
        assertThat(r.get("flow").flag()).as("no -Flag means N").isEqualTo(Flag.N);
        assertThat(o.unmapped()).isEmpty();
    }

    @Test
    void theFlagOfEachFactorIsCarriedAndAnUnknownFlagIsReportedNotGuessed() throws Exception {
        Hj212Observation o = map(frame("QN=1;ST=21;CN=2011;PW=1;MN=S;Flag=4;CP=&&DataTime=20250601090000;"
                + "w01001-Rtd=7.1,w01001-Flag=D;w21003-Rtd=0.3,w21003-Flag=M;w21011-Rtd=0.1,w21011-Flag=Z&&"));
        Map<String, Reading> r = byParam(o.observation());
        assertThat(r.get("ph").flag()).isEqualTo(Flag.D);
        assertThat(r.get("nh3n").flag()).isEqualTo(Flag.M);
        assertThat(r).doesNotContainKey("tp");
        assertThat(o.unmapped()).singleElement().satisfies(u -> {
            assertThat(u.factor()).isEqualTo("w21011");
            assertThat(u.reason()).contains("'Z'").contains("Table 8");
        });
    }

    @Test
    void aFactorWithoutTheValueOfThePacketKindAndAnImpossibleValueAreReported() throws Exception {
        // an hourly (2061) packet reads Avg; pH 15 is outside the physically possible 0..14
        Hj212Observation o = map(frame("QN=1;ST=21;CN=2061;PW=1;MN=S;Flag=4;CP=&&DataTime=20250601090000;"
                + "w21003-Max=0.5;w01001-Avg=15;w01009-Avg=7&&"));
        assertThat(o.observation().readings()).extracting(Reading::param).containsExactly("do");
        assertThat(o.unmapped()).extracting(Hj212UnmappedFactor::factor).containsExactly("w21003", "w01001");
        assertThat(o.unmapped().get(0).reason()).contains("-Avg");
        assertThat(o.unmapped().get(1).reason()).contains("physically possible");
    }

    @Test
    void aSecondCodeForTheSameParameterIsReportedNotMerged() throws Exception {
        Hj212Observation o = map(frame("ST=32;CN=2011;PW=1;MN=S;CP=&&DataTime=20250601090000;w01018-Rtd=30;011-Rtd=31&&"));
        assertThat(o.observation().readings()).singleElement().satisfies(x -> assertThat(x.value()).isEqualTo(30.0));
        assertThat(o.unmapped()).singleElement().satisfies(u -> assertThat(u.reason()).contains("w01018"));
    }

    @Test
    void commandsAcksAndDataRequestsAreNotDataPackets() {
        assertThat(refusal(Hj212DecoderTest.APPENDIX_A)).isEqualTo(RejectReason.NOT_DATA_PACKET);
        // testdata V37: data ack; V30: minute-data request with BeginTime/EndTime; V38: real-time request
        assertThat(refusal("##0087QN=20201015123632010;ST=91;CN=9014;PW=123456;MN=410183160889201000212505;Flag=4;CP=&&&&f001"))
                .isEqualTo(RejectReason.NOT_DATA_PACKET);
        assertThat(refusal("##0124QN=20040516010101001;ST=32;CN=2051;PW=123456;MN=88888880000001;Flag=3;"
                + "CP=&&BeginTime=20040506111000,EndTime=20040506151000&&6B80")).isEqualTo(RejectReason.NOT_DATA_PACKET);
        assertThat(refusal("##0087QN=20201015123632010;ST=80;CN=2011;PW=123456;MN=410183160889201000212505;Flag=4;CP=&&&&2080"))
                .isEqualTo(RejectReason.NOT_DATA_PACKET);
    }

    @Test
    void aDataPacketWithAnEmptyMnNamesNoStation() {
        // testdata V15 decodes (PW= and MN= are empty) but cannot become an observation
        assertThat(refusal("##0316ST=31;CN=2011;PW=;MN=;CP=&&DataTime=20200718123600;01-ZsRtd=2.47,01-Rtd=1.48,01-Flag=N;"
                + "02-ZsRtd=5.08,02-Rtd=3.05,02-Flag=N;03-ZsRtd=0.61,03-Rtd=0.37,03-Flag=N;S01-Rtd=20.7,S01-Flag=N;"
                + "S02-Rtd=3.27,S02-Flag=N;S03-Rtd=40.35,S03-Flag=N;S05-Rtd=0,S05-Flag=N;S08-Rtd=0.1,S08-Flag=N;"
                + "B02-ZsRtd=6.46,B02-Rtd=7.43,B02-Flag=N&&7640")).isEqualTo(RejectReason.MISSING_HEADER_FIELD);
    }

    @Test
    void onePartOfASplitPacketIsIncomplete() {
        assertThat(refusal(frame("QN=1;ST=31;CN=2051;PW=1;MN=M;Flag=7;PNUM=2;PNO=1;CP=&&DataTime=20191112090000;a01006-Avg=101.85&&")))
                .isEqualTo(RejectReason.INCOMPLETE_SPLIT);
    }

    @Test
    void everyFactorTableUnitConvertsByAPureScale() throws Exception {
        // the encoder inverts conversions by dividing by the canonical value of one unit
        for (Hj212Factor f : Hj212FactorCodes.all()) {
            Parameter p = f.parameter();
            assertThat(UnitConversion.toCanonical(p, 0.0, f.unit())).as("%s in %s", f.code(), f.unit()).isZero();
            double one = UnitConversion.toCanonical(p, 1.0, f.unit());
            assertThat(UnitConversion.toCanonical(p, 3.0, f.unit())).isCloseTo(3 * one, within(1e-12 * Math.max(1, one)));
        }
    }

    private RejectReason refusal(String packet) {
        InputRejectedException e = catchThrowableOfType(() -> map(packet), InputRejectedException.class);
        assertThat(e).as("refusal of %s", packet).isNotNull();
        return e.reason();
    }
}
