package org.ecovalue.simulator.run;

import java.time.Duration;

/**
 * How fast a run goes.
 *
 * @param speed         simulated seconds per wall second; 0 = as fast as the broker takes it
 * @param maxRate       messages per second at most; 0 = no cap
 * @param progressEvery how often the progress line is logged (wall time)
 */
public record RunOptions(double speed, double maxRate, Duration progressEvery) {

    public RunOptions {
        if (speed < 0 || maxRate < 0) {
            throw new IllegalArgumentException("speed and rate are not negative");
        }
        progressEvery = progressEvery == null ? Duration.ofSeconds(5) : progressEvery;
    }

    public static RunOptions asFastAsPossible() {
        return new RunOptions(0, 0, Duration.ofSeconds(5));
    }
}
