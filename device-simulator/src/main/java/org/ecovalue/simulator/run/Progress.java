package org.ecovalue.simulator.run;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The progress line: sent, rate, simulated time, errors — every few seconds of wall time. */
final class Progress {

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

    private final long everyNanos;
    private final java.util.function.Consumer<String> sink;
    private final long startNanos = System.nanoTime();
    private long lastNanos = startNanos;
    private long lastReadings;
    private int calls;

    Progress(Duration every, java.util.function.Consumer<String> sink) {
        this.everyNanos = every.toNanos();
        this.sink = sink == null ? LOG::info : sink;
    }

    void maybeLog(long messages, long readings, Instant simTime, long errors) {
        if ((++calls & 255) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastNanos >= everyNanos) {
            log(messages, readings, simTime, errors);
        }
    }

    void log(long messages, long readings, Instant simTime, long errors) {
        long now = System.nanoTime();
        double seconds = Math.max(1e-9, (now - lastNanos) / 1e9);
        sink.accept("event=progress messages=" + messages + " readings=" + readings + " readingsPerSecond="
                + Math.round((readings - lastReadings) / seconds) + " simTime=" + simTime + " errors=" + errors
                + " elapsedSeconds=" + Math.round((now - startNanos) / 1e9));
        lastNanos = now;
        lastReadings = readings;
    }
}
