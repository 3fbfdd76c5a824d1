package org.ecovalue.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.ecovalue.schemas.standards.water.WaterBody;

/**
 * What the job needs to know besides its source and sink. Option names and defaults side by side.
 *
 * @param maxOutOfOrderness how far event time may go backwards before data counts as late
 * @param sourceIdleness    after how long without data a source split stops holding the watermark back
 * @param staleAfter        event time after a station's last observation at which its class is forgotten
 * @param waterBodies       station → water body; stations not listed are rivers (until the registry arrives)
 */
public record JobOptions(Duration maxOutOfOrderness, Duration sourceIdleness, Duration staleAfter,
                         Map<String, WaterBody> waterBodies) {

    public static final String MAX_OUT_OF_ORDERNESS = "max-out-of-orderness";
    public static final Duration DEFAULT_MAX_OUT_OF_ORDERNESS = Duration.ofMinutes(1);
    public static final String SOURCE_IDLENESS = "source-idleness";
    public static final Duration DEFAULT_SOURCE_IDLENESS = Duration.ofSeconds(30);
    public static final String STALE_AFTER = "stale-after";
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofHours(6);

    public JobOptions {
        requirePositive(MAX_OUT_OF_ORDERNESS, maxOutOfOrderness);
        requirePositive(SOURCE_IDLENESS, sourceIdleness);
        requirePositive(STALE_AFTER, staleAfter);
        waterBodies = Map.copyOf(waterBodies);
    }

    public static JobOptions defaults() {
        return new JobOptions(DEFAULT_MAX_OUT_OF_ORDERNESS, DEFAULT_SOURCE_IDLENESS, DEFAULT_STALE_AFTER, Map.of());
    }

    public JobOptions withWaterBodies(Map<String, WaterBody> bodies) {
        return new JobOptions(maxOutOfOrderness, sourceIdleness, staleAfter, bodies);
    }

    private static void requirePositive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
