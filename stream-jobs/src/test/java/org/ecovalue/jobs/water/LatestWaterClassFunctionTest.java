package org.ecovalue.jobs.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecovalue.jobs.Observations.flagged;
import static org.ecovalue.jobs.Observations.water;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.ecovalue.schemas.observation.Flag;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.standards.water.WaterBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LatestWaterClassFunctionTest {

    private static final Duration STALE_AFTER = Duration.ofHours(6);
    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

    private KeyedOneInputStreamOperatorTestHarness<String, Observation, StationWaterClass> harness;

    @BeforeEach
    void open() throws Exception {
        LatestWaterClassFunction fn = new LatestWaterClassFunction(Map.of("LAKE-1", WaterBody.LAKE), STALE_AFTER);
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(fn), Observation::station, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void feed(Observation obs) throws Exception {
        harness.processElement(obs, obs.ts().toEpochMilli());
    }

    @Test
    void aClassIvNh3nReadingMakesTheStationClassIv() throws Exception {
        // NH3-N 1.2 mg/L: above the class III limit 1.0, within class IV's 1.5 (GB 3838-2002 Table 1)
        feed(water("S1", T0, "ph", 7.5, "do", 8.0, "codmn", 1.5, "nh3n", 1.2, "tp", 0.01));

        assertThat(harness.extractOutputValues()).containsExactly(
                new StationWaterClass("S1", T0, "IV", List.of("nh3n"), "GB3838-2002"));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    }

    @Test
    void tpOf0_05IsClassIiAtARiverButClassIiiAtALake() throws Exception {
        // TP limits: river II 0.1, lake II 0.025 / III 0.05 (inclusive)
        feed(water("R-1", T0, "ph", 7.0, "do", 8.0, "tp", 0.05));
        feed(water("LAKE-1", T0, "ph", 7.0, "do", 8.0, "tp", 0.05));

        assertThat(harness.extractOutputValues()).extracting(StationWaterClass::station, StationWaterClass::waterClass)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("R-1", "II"),
                        org.assertj.core.groups.Tuple.tuple("LAKE-1", "III"));
    }

    @Test
    void anUnchangedClassIsNotEmittedAgainButAChangeIs() throws Exception {
        feed(water("S1", T0, "do", 4.0));                      // DO 4.0 ≥ 3 (IV lower bound), < 5 → IV
        feed(water("S1", T0.plusSeconds(60), "do", 3.5));      // still IV
        feed(water("S1", T0.plusSeconds(120), "do", 5.5));     // ≥ 5 → III

        assertThat(harness.extractOutputValues()).extracting(StationWaterClass::waterClass)
                .containsExactly("IV", "III");
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    }

    @Test
    void anObservationOlderThanTheLatestIsIgnored() throws Exception {
        feed(water("S1", T0.plusSeconds(600), "nh3n", 0.4));   // II
        feed(water("S1", T0.plusSeconds(300), "nh3n", 1.8));   // would be V, but older

        assertThat(harness.extractOutputValues()).extracting(StationWaterClass::waterClass).containsExactly("II");
    }

    @Test
    void onlyReadingsFlaggedNormalCount() throws Exception {
        // the maintenance-flagged NH3-N 5.0 would be 劣V; it does not count, so DO 6.5 (II) decides
        feed(water("S1", T0, "do", 6.5, "nh3n", flagged("nh3n", 5.0, Flag.M)));

        assertThat(harness.extractOutputValues()).containsExactly(
                new StationWaterClass("S1", T0, "II", List.of("do"), "GB3838-2002"));
    }

    @Test
    void anObservationWithoutRealtimeFactorsLeavesNoTrace() throws Exception {
        feed(water("F-1", T0, "flow", 35.2));

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aSilentStationIsForgottenAndReportedAfreshWhenItReturns() throws Exception {
        feed(water("S1", T0, "ph", 9.2));                      // pH outside 6–9 → 劣V
        harness.processWatermark(T0.plus(STALE_AFTER).toEpochMilli());

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();

        Instant back = T0.plus(STALE_AFTER).plusSeconds(60);
        feed(water("S1", back, "ph", 9.2));
        assertThat(harness.extractOutputValues()).extracting(StationWaterClass::waterClass)
                .containsExactly("劣V", "劣V");
    }
}
