package org.ecovalue.jobs.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class ReaderIdlenessTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final long TEN_MINUTES_MS = TEN_MINUTES.toMillis();

    @Test
    void aLullShorterThanTheReaderIdlenessIsNotAnnounced() throws Exception {
        try (OneInputStreamOperatorTestHarness<String, String> h = harness()) {
            h.processElement(new StreamRecord<>("a", 1_000));
            h.processWatermark(new Watermark(900));
            h.processWatermarkStatus(WatermarkStatus.IDLE);
            h.setProcessingTime(TEN_MINUTES_MS - 1);
            h.processWatermarkStatus(WatermarkStatus.ACTIVE);
            h.processElement(new StreamRecord<>("b", 2_000));
            // the timer of the lull that ended must not announce anything later either
            h.setProcessingTime(3 * TEN_MINUTES_MS);

            assertThat(h.getOutput()).containsExactly(new StreamRecord<>("a", 1_000), new Watermark(900),
                    new StreamRecord<>("b", 2_000));
        }
    }

    @Test
    void aReaderSilentForTheWholeReaderIdlenessIsAnnouncedIdleAndActiveAgainWhenItSpeaks() throws Exception {
        try (OneInputStreamOperatorTestHarness<String, String> h = harness()) {
            h.processWatermarkStatus(WatermarkStatus.IDLE);
            h.setProcessingTime(TEN_MINUTES_MS - 1);
            assertThat(h.getOutput()).isEmpty();

            h.setProcessingTime(TEN_MINUTES_MS);
            assertThat(h.getOutput()).containsExactly(WatermarkStatus.IDLE);

            h.processWatermarkStatus(WatermarkStatus.ACTIVE);
            h.processElement(new StreamRecord<>("c", 3_000));
            assertThat(h.getOutput()).containsExactly(WatermarkStatus.IDLE, WatermarkStatus.ACTIVE,
                    new StreamRecord<>("c", 3_000));
        }
    }

    @Test
    void eachLullIsTimedFromItsOwnStart() throws Exception {
        try (OneInputStreamOperatorTestHarness<String, String> h = harness()) {
            h.processWatermarkStatus(WatermarkStatus.IDLE);
            h.setProcessingTime(5 * 60_000);
            h.processWatermarkStatus(WatermarkStatus.ACTIVE);
            h.processWatermarkStatus(WatermarkStatus.IDLE);
            // 10 min after the first lull began, 5 min into the second: not yet
            h.setProcessingTime(TEN_MINUTES_MS);
            assertThat(h.getOutput()).isEmpty();
            h.setProcessingTime(15 * 60_000);
            assertThat(h.getOutput()).containsExactly(WatermarkStatus.IDLE);
        }
    }

    @Test
    void theReaderIdlenessMustBePositive() {
        assertThatThrownBy(() -> new ReaderIdleness<String>(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private static OneInputStreamOperatorTestHarness<String, String> harness() throws Exception {
        OneInputStreamOperatorTestHarness<String, String> h =
                new OneInputStreamOperatorTestHarness<>(new ReaderIdleness<>(TEN_MINUTES));
        h.setProcessingTime(0);
        h.open();
        return h;
    }
}
