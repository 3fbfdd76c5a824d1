package org.ecovalue.jobs.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.ecovalue.jobs.registry.RegistryWatermarks.HeldUntilRead;
import org.ecovalue.jobs.registry.RegistryWatermarks.TopicEnd;
import org.junit.jupiter.api.Test;

/** When the registry source stops holding event time back: its decisions, with a hand-driven clock. */
class RegistryWatermarksTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final Output output = new Output();

    @Test
    void holdsUntilTheRecordBeforeTheEndOffsetArrives() {
        // partition 0 ended at offset 3 when the source started: records 0, 1, 2 are the registry
        HeldUntilRead gen = new HeldUntilRead(new TopicEnd(Map.of(0, 3L), false), TIMEOUT, nanos::get);
        gen.onPeriodicEmit(output);
        gen.onEvent(update(0, 0), 0, output);
        gen.onEvent(update(0, 1), 0, output);
        gen.onPeriodicEmit(output);
        assertThat(output.idle).as("two of three records read").isFalse();
        gen.onEvent(update(0, 2), 0, output);
        assertThat(output.idle).isTrue();
        assertThat(output.watermarks).as("it never pushes event time").isZero();
    }

    @Test
    void nothingToReadReleasesAtOnce() {
        HeldUntilRead gen = new HeldUntilRead(new TopicEnd(Map.of(0, 7L), true), TIMEOUT, nanos::get);
        gen.onPeriodicEmit(output);
        assertThat(output.idle).isTrue();
    }

    @Test
    void quietAfterTheLastRecordCountsAsRead() {
        // end offset 10, but the last record read is 7 (8 and 9 were transaction markers)
        HeldUntilRead gen = new HeldUntilRead(new TopicEnd(Map.of(0, 10L), false), TIMEOUT, nanos::get);
        gen.onEvent(update(0, 7), 0, output);
        nanos.addAndGet(RegistryWatermarks.SETTLE.toNanos() - 1);
        gen.onPeriodicEmit(output);
        assertThat(output.idle).isFalse();
        nanos.addAndGet(1);
        gen.onPeriodicEmit(output);
        assertThat(output.idle).isTrue();
    }

    @Test
    void aRestoredSourceWithNothingNewToReadStopsHoldingWhenNoRecordCame() {
        // restored at offset 8 = the end: no record will come, the registry is in the job's state
        HeldUntilRead gen = new HeldUntilRead(new TopicEnd(Map.of(0, 8L), false), TIMEOUT, nanos::get);
        nanos.addAndGet(RegistryWatermarks.NO_RECORD.toNanos() - 1);
        gen.onPeriodicEmit(output);
        assertThat(output.idle).isFalse();
        nanos.addAndGet(1);
        gen.onPeriodicEmit(output);
        assertThat(output.idle).isTrue();
    }

    @Test
    void recordsTricklingInWithoutReachingTheEndStopHoldingAfterTheTimeout() {
        HeldUntilRead gen = new HeldUntilRead(new TopicEnd(Map.of(0, 1_000_000L), false), TIMEOUT, nanos::get);
        long step = RegistryWatermarks.SETTLE.toNanos() / 2;
        for (long t = 0, offset = 0; t + step < TIMEOUT.toNanos(); t += step, offset++) {
            gen.onEvent(update(0, offset), 0, output);
            nanos.addAndGet(step);
            gen.onPeriodicEmit(output);
            assertThat(output.idle).as("at %d ns", t).isFalse();
        }
        nanos.addAndGet(step);
        gen.onPeriodicEmit(output);
        assertThat(output.idle).isTrue();
    }

    @Test
    void updatesFromElsewhereNeverCountAsTheEnd() {
        HeldUntilRead gen = new HeldUntilRead(new TopicEnd(Map.of(0, 1L), false), TIMEOUT, nanos::get);
        gen.onEvent(new RegistryUpdate("station/S1", new byte[0]), 0, output);
        assertThat(output.idle).isFalse();
    }

    private static RegistryUpdate update(int partition, long offset) {
        return new RegistryUpdate("station/S" + offset, new byte[0], partition, offset);
    }

    private static final class Output implements WatermarkOutput {
        boolean idle;
        int watermarks;

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks++;
        }

        @Override
        public void markIdle() {
            idle = true;
        }

        @Override
        public void markActive() {
            idle = false;
        }
    }
}
