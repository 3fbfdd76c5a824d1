package org.ecovalue.jobs.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.ecovalue.schemas.alert.Alert;
import org.ecovalue.schemas.alert.AlertType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DataGapDetectorTest {

    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    private static final long HOUR = 3_600_000;

    private KeyedOneInputStreamOperatorTestHarness<String, StationHeartbeat, Alert> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new DataGapDetector(3)),
                StationHeartbeat::stationId, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void heard(long atMs) throws Exception {
        harness.processElement(new StationHeartbeat("W1", "S01", atMs, 3600), atMs);
    }

    @Test
    void anHourlyStationSilentForThreeHoursOpensAGapFromItsFirstMissingReadingAndTheNextReadingClosesIt() throws Exception {
        long t0 = T0.toEpochMilli();
        heard(t0);
        harness.processWatermark(t0 + 3 * HOUR - 1);
        assertThat(harness.extractOutputValues()).isEmpty();   // two missed readings: tolerated

        harness.processWatermark(t0 + 3 * HOUR);               // the third: a gap since 01:00
        assertThat(harness.extractOutputValues()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(AlertType.DATA_GAP);
            assertThat(a.stationId()).isEqualTo("W1");
            assertThat(a.sectionId()).isEqualTo("S01");
            assertThat(a.startedAt()).isEqualTo(t0 + HOUR);
            assertThat(a.isOpen()).isTrue();
        });

        heard(t0 + 5 * HOUR);
        Alert closed = harness.extractOutputValues().get(1);
        assertThat(closed.startedAt()).isEqualTo(t0 + HOUR);
        assertThat(closed.endedAt()).isEqualTo(t0 + 5 * HOUR);
        // one value and one timer (the next deadline) per station heard from; no open gap left
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    }

    @Test
    void aStationReportingOnTimeNeverOpensAGap() throws Exception {
        long t0 = T0.toEpochMilli();
        for (int h = 0; h < 10; h++) {
            heard(t0 + h * HOUR);
            harness.processWatermark(t0 + h * HOUR + HOUR / 2);
        }
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    }
}
