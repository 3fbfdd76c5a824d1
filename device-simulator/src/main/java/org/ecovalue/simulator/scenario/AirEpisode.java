package org.ecovalue.simulator.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A regional haze episode: particulate matter (and NO2, CO) multiplied by {@code factor} at every air station. */
public record AirEpisode(Instant start, Duration duration, double factor) {

    public AirEpisode {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        if (!(factor >= 1)) {
            throw new IllegalArgumentException("an air episode raises pollution: factor >= 1, got " + factor);
        }
    }

    public boolean covers(Instant t) {
        return !t.isBefore(start) && t.isBefore(start.plus(duration));
    }
}
