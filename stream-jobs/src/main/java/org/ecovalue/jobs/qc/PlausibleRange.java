package org.ecovalue.jobs.qc;

import java.util.Map;
import java.util.Optional;

/**
 * Physically possible values of a parameter in its canonical unit (DESIGN.md "Parameter codes").
 * A reading outside is an instrument or transmission fault, not a pollution event, so it is kept
 * with the verdict {@code out-of-range} and excluded from figures. Bounds are wide on purpose:
 * they catch impossible values (negative flow, pH 15), never unusual ones.
 */
public record PlausibleRange(double min, double max) {

    public PlausibleRange {
        if (!(min < max)) {
            throw new IllegalArgumentException("min " + min + " must be below max " + max);
        }
    }

    private static final Map<String, PlausibleRange> BY_PARAM = Map.ofEntries(
            // pH is defined on 0..14 for water and soil
            Map.entry("ph", new PlausibleRange(0, 14)),
            Map.entry("soil_ph", new PlausibleRange(0, 14)),
            // oxygen saturation at 0 °C is 14.6 mg/L; supersaturation under algal blooms stays below 25
            Map.entry("do", new PlausibleRange(0, 25)),
            Map.entry("codmn", new PlausibleRange(0, 500)),
            Map.entry("cod", new PlausibleRange(0, 5000)),
            Map.entry("bod5", new PlausibleRange(0, 2000)),
            Map.entry("nh3n", new PlausibleRange(0, 500)),
            Map.entry("tp", new PlausibleRange(0, 100)),
            Map.entry("tn", new PlausibleRange(0, 500)),
            Map.entry("water_temp", new PlausibleRange(-5, 50)),
            // the Yangtze's record flood discharge is ~110 000 m3/s
            Map.entry("flow", new PlausibleRange(0, 200_000)),
            Map.entry("pm25", new PlausibleRange(0, 5000)),
            Map.entry("pm10", new PlausibleRange(0, 10000)),
            Map.entry("so2", new PlausibleRange(0, 10000)),
            Map.entry("no2", new PlausibleRange(0, 5000)),
            Map.entry("co", new PlausibleRange(0, 500)),
            Map.entry("o3", new PlausibleRange(0, 2000)),
            Map.entry("o3_8h", new PlausibleRange(0, 2000)),
            Map.entry("neg_ion", new PlausibleRange(0, 1_000_000)),
            Map.entry("air_temp", new PlausibleRange(-60, 60)),
            Map.entry("humidity", new PlausibleRange(0, 100)),
            Map.entry("wind_speed", new PlausibleRange(0, 100)),
            Map.entry("precipitation", new PlausibleRange(0, 500)),
            Map.entry("soil_moisture", new PlausibleRange(0, 100)));

    /** The range of a canonical parameter code; empty for a parameter without a plausibility check. */
    public static Optional<PlausibleRange> of(String param) {
        return Optional.ofNullable(BY_PARAM.get(param));
    }

    public boolean contains(double value) {
        return value >= min && value <= max;
    }
}
