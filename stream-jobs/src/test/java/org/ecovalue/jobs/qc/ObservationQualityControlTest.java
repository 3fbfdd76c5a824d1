package org.ecovalue.jobs.qc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecovalue.jobs.Observations.flagged;
import static org.ecovalue.jobs.Observations.water;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.ecovalue.schemas.observation.Flag;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Reading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ObservationQualityControlTest {

    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    private static final Duration HORIZON = Duration.ofHours(1);

    private KeyedOneInputStreamOperatorTestHarness<String, Observation, Observation> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new ObservationQualityControl(HORIZON, Duration.ofMinutes(10))), Observation::station, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void feed(Observation obs) throws Exception {
        harness.processElement(obs, obs.ts().toEpochMilli());
    }

    private List<String> verdicts() {
        return harness.extractOutputValues().stream()
                .flatMap(o -> o.readings().stream().map(r -> o.station() + " " + r.param() + "=" + r.value() + " " + r.qc()))
                .toList();
    }

    @Test
    void aRepeatedStationParameterAndTimeIsDroppedButAnotherParameterOfTheSameInstantIsKept() throws Exception {
        feed(water("S1", T0, "nh3n", 0.4));
        feed(water("S1", T0, "nh3n", 0.4, "do", 8.0)); // ingest redelivered nh3n, do is new
        feed(water("S2", T0, "nh3n", 0.4));            // another station, same instant: not a duplicate

        assertThat(verdicts()).containsExactly("S1 nh3n=0.4 ok", "S1 do=8.0 ok", "S2 nh3n=0.4 ok");
    }

    @Test
    void flaggedAndImpossibleReadingsAreKeptWithTheirReason() throws Exception {
        feed(water("S1", T0, "nh3n", flagged("nh3n", 0.4, Flag.M), "flow", -3.0, "ph", 15.2, "do", 8.0));

        assertThat(verdicts()).containsExactly(
                "S1 nh3n=0.4 flag-M", "S1 flow=-3.0 out-of-range", "S1 ph=15.2 out-of-range", "S1 do=8.0 ok");
    }

    @Test
    void aValueUnmovedForTenMinutesIsAFlatLineUntilItMoves() throws Exception {
        for (int i = 0; i < 4; i++) {
            feed(water("S1", T0.plusSeconds(300L * i), "flow", 35.2));
        }
        feed(water("S1", T0.plusSeconds(1200), "flow", 35.3));

        assertThat(verdicts()).containsExactly(
                "S1 flow=35.2 ok", "S1 flow=35.2 ok", "S1 flow=35.2 flat-line", "S1 flow=35.2 flat-line",
                "S1 flow=35.3 ok");
    }

    @Test
    void noRainNoSunAndADryRiverForHoursAreNotAStuckSensorButRainStuckAtOneValueIs() throws Exception {
        // 10-minute flat-line window, readings every 5 min for an hour: 0 mm rain, 0 W/m² (night), 0 m³/s
        // (dry bed) stay ok throughout; 0.5 mm every 5 min, unmoved, is flat-line from the third reading on
        for (int i = 0; i < 12; i++) {
            feed(water("M1", T0.plusSeconds(300L * i), "precipitation", 0.0, "solar_radiation", 0.0, "flow", 0.0));
            feed(water("M2", T0.plusSeconds(300L * i), "precipitation", 0.5));
        }

        List<String> verdicts = verdicts();
        assertThat(verdicts).filteredOn(v -> v.startsWith("M1")).hasSize(36).allMatch(v -> v.endsWith(" ok"));
        assertThat(verdicts).filteredOn(v -> v.startsWith("M2")).containsExactly(
                "M2 precipitation=0.5 ok", "M2 precipitation=0.5 ok", "M2 precipitation=0.5 flat-line",
                "M2 precipitation=0.5 flat-line", "M2 precipitation=0.5 flat-line", "M2 precipitation=0.5 flat-line",
                "M2 precipitation=0.5 flat-line", "M2 precipitation=0.5 flat-line", "M2 precipitation=0.5 flat-line",
                "M2 precipitation=0.5 flat-line", "M2 precipitation=0.5 flat-line", "M2 precipitation=0.5 flat-line");
    }

    @Test
    void anObservationOlderThanTheHorizonGoesToTheLateOutputAndOneWithinItIsChecked() throws Exception {
        harness.processWatermark(T0.plus(Duration.ofHours(2)).toEpochMilli());
        Observation tooLate = water("S1", T0.plus(Duration.ofMinutes(59)), "nh3n", 0.4); // 59 min + 1 h < 2 h
        Observation stillOnTime = water("S1", T0.plus(Duration.ofMinutes(61)), "nh3n", 0.4);
        feed(tooLate);
        feed(stillOnTime);

        assertThat(harness.getSideOutput(ObservationQualityControl.LATE)).extracting(StreamRecord::getValue)
                .containsExactly(tooLate);
        assertThat(verdicts()).containsExactly("S1 nh3n=0.4 ok");
    }

    @Test
    void aStationThatFallsSilentLeavesNoStateAndNoTimerBehind() throws Exception {
        feed(water("S1", T0, "nh3n", 0.4, "flow", 35.2));
        feed(water("S1", T0.plusSeconds(300), "nh3n", 0.5));
        assertThat(harness.numKeyedStateEntries()).isPositive();

        // T0 is 00:00: 00:05 + 1 h horizon = 01:05, cleaned up at the first full hour after it
        harness.processWatermark(Instant.parse("2026-11-22T01:59:59.999Z").toEpochMilli());
        assertThat(harness.numKeyedStateEntries()).isPositive();
        harness.processWatermark(Instant.parse("2026-11-22T02:00:00Z").toEpochMilli());

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aDuplicateIsRecognisedUntilTheHorizonAndLateAfterIt() throws Exception {
        Observation obs = water("S1", T0, "nh3n", 0.4);
        feed(obs);
        harness.processWatermark(T0.plus(HORIZON).minusMillis(1).toEpochMilli());
        feed(obs);
        harness.processWatermark(T0.plus(HORIZON).toEpochMilli());
        feed(obs);

        assertThat(verdicts()).containsExactly("S1 nh3n=0.4 ok");
        assertThat(harness.getSideOutput(ObservationQualityControl.LATE)).hasSize(1);
    }

    @Test
    void anNh3nReadingThatJumpsAwayAndComesBackIsASpikeAndItsObservationLeavesWhole() throws Exception {
        // NH3-N spike threshold 3 mg/L: |5.0 − 0.45| = 4.55 > 3 makes 5.0 suspect; the next reading 0.50 is
        // back within 3 of 0.45 (|0.50 − 0.45| = 0.05), so 5.0 was a spike. DO of the same instant stays ok.
        feed(water("S1", T0, "nh3n", 0.40));
        feed(water("S1", T0.plusSeconds(300), "nh3n", 0.45));
        feed(water("S1", T0.plusSeconds(600), "nh3n", 5.0, "do", 8.0));
        assertThat(verdicts()).containsExactly("S1 nh3n=0.4 ok", "S1 nh3n=0.45 ok"); // held until the next reading
        feed(water("S1", T0.plusSeconds(900), "nh3n", 0.50));

        assertThat(verdicts()).containsExactly("S1 nh3n=0.4 ok", "S1 nh3n=0.45 ok",
                "S1 nh3n=5.0 spike", "S1 do=8.0 ok", "S1 nh3n=0.5 ok");
    }

    @Test
    void aJumpThatStaysIsAChangeOfLevelNotASpike() throws Exception {
        // 0.4 → 4.0 jumps 3.6 > 3 (suspect); 4.1 is 3.7 away from 0.4, not back: 4.0 is a new level (ok),
        // and 4.1 is 0.1 from 4.0, so it is ok at once
        feed(water("S1", T0, "nh3n", 0.4));
        feed(water("S1", T0.plusSeconds(300), "nh3n", 4.0));
        feed(water("S1", T0.plusSeconds(600), "nh3n", 4.1));

        assertThat(verdicts()).containsExactly("S1 nh3n=0.4 ok", "S1 nh3n=4.0 ok", "S1 nh3n=4.1 ok");
    }

    @Test
    void aSuspectWithoutANextReadingIsReleasedAsOkAfterTheSpikeWaitAndLeavesNothingBehind() throws Exception {
        feed(water("S1", T0, "ph", 7.2));
        feed(water("S1", T0.plusSeconds(3600), "ph", 9.5)); // |9.5 − 7.2| = 2.3 > 1.5: suspect
        harness.processWatermark(T0.plusSeconds(3600).plus(ObservationQualityControl.DEFAULT_SPIKE_WAIT)
                .minusMillis(1).toEpochMilli());
        assertThat(verdicts()).containsExactly("S1 ph=7.2 ok");

        harness.processWatermark(T0.plusSeconds(3600).plus(ObservationQualityControl.DEFAULT_SPIKE_WAIT).toEpochMilli());
        assertThat(verdicts()).containsExactly("S1 ph=7.2 ok", "S1 ph=9.5 ok");

        harness.processWatermark(T0.plusSeconds(3600).plus(HORIZON).plus(ObservationQualityControl.DEFAULT_SPIKE_WAIT)
                .toEpochMilli());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void flowHasNoSpikeCheckBecauseFloodsRiseAndFallWithinOneInterval() throws Exception {
        feed(water("S1", T0, "flow", 35.0));
        feed(water("S1", T0.plusSeconds(300), "flow", 3500.0));
        feed(water("S1", T0.plusSeconds(600), "flow", 35.0));

        assertThat(verdicts()).containsExactly("S1 flow=35.0 ok", "S1 flow=3500.0 ok", "S1 flow=35.0 ok");
    }

    @SuppressWarnings("unused")
    private static Reading reading(String p, double v) {
        return new Reading(p, v, "mg/L");
    }
}
