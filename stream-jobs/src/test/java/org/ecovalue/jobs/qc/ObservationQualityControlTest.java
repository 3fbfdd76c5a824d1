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

        harness.processWatermark(T0.plusSeconds(300).plus(HORIZON).toEpochMilli());

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

    @SuppressWarnings("unused")
    private static Reading reading(String p, double v) {
        return new Reading(p, v, "mg/L");
    }
}
