package org.ecovalue.jobs.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.ecovalue.jobs.time.ObservationWatermarks.ReactivatingIdleness;
import org.junit.jupiter.api.Test;

/** Idleness that ends with the first record: what the generator tells its output, with a hand-driven clock. */
class ObservationWatermarksTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong nanos = new AtomicLong();
    private final List<String> said = new ArrayList<>();
    private final WatermarkOutput output = new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
            said.add("wm " + watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
            said.add("idle");
        }

        @Override
        public void markActive() {
            said.add("active");
        }
    };

    @Test
    void aSplitThatWentIdleIsActiveAgainWithItsFirstRecordNotAtTheNextWatermark() {
        // out-of-orderness 1 000 ms: the watermark is the largest timestamp − 1 000 − 1
        ReactivatingIdleness<String> gen = new ReactivatingIdleness<>(
                new BoundedOutOfOrdernessWatermarks<>(Duration.ofSeconds(1)), Duration.ofSeconds(5), nanos::get);
        gen.onEvent("a", 10_000, output);
        gen.onPeriodicEmit(output);
        assertThat(said).containsExactly("wm 8999");

        nanos.addAndGet(5 * SECOND);
        gen.onPeriodicEmit(output);
        assertThat(said).endsWith("idle");

        said.clear();
        gen.onEvent("b", 3_600_000, output);
        assertThat(said).as("active at once, no watermark yet").containsExactly("active");
        gen.onEvent("c", 3_600_500, output);
        gen.onPeriodicEmit(output);
        assertThat(said).containsExactly("active", "wm 3599499");
    }

    @Test
    void staysActiveWhileRecordsComeWithinTheIdleness() {
        ReactivatingIdleness<String> gen = new ReactivatingIdleness<>(
                new BoundedOutOfOrdernessWatermarks<>(Duration.ofSeconds(1)), Duration.ofSeconds(5), nanos::get);
        for (int i = 1; i <= 3; i++) {
            nanos.addAndGet(4 * SECOND);
            gen.onEvent("r", i * 1_000L, output);
            gen.onPeriodicEmit(output);
        }
        assertThat(said).doesNotContain("idle", "active");
    }
}
