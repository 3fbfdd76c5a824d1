package org.ecovalue.simulator.run;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Maps simulated time onto the wall clock ({@code speed}× faster; 0 = as fast as possible) and caps
 * the message rate (0 = no cap).
 */
final class Pacer {

    private final Instant simStart;
    private final double speed;
    private final double nanosPerMessage;
    private final long wallStart = System.nanoTime();
    private long nextSlot = wallStart;

    Pacer(Instant simStart, double speed, double maxRate) {
        this.simStart = simStart;
        this.speed = speed;
        this.nanosPerMessage = maxRate > 0 ? 1e9 / maxRate : 0;
    }

    /** Waits until simulated time {@code t} is due. */
    void awaitSimTime(Instant t) {
        if (speed > 0) {
            long due = wallStart + (long) (Duration.between(simStart, t).toNanos() / speed);
            parkUntil(due);
        }
    }

    /** Waits for the next slot under the rate cap. */
    void awaitSlot() {
        if (nanosPerMessage > 0) {
            nextSlot = Math.max(nextSlot + (long) nanosPerMessage, System.nanoTime() - 1_000_000_000L);
            parkUntil(nextSlot);
        }
    }

    private static void parkUntil(long due) {
        for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }
}
