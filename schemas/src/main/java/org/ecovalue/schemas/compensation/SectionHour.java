package org.ecovalue.schemas.compensation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.ecovalue.schemas.observation.Domain;
import org.ecovalue.schemas.observation.Parameter;

/**
 * One hour of a section, quality and flow paired: the hour's mean concentration of each factor that
 * has valid data (mg/L, below-detection values already at ½ DL, non-N flags already dropped by
 * quality control) and the volume that crossed the section in the hour (m³), or null when the flow
 * station has no valid data for it. {@code hourStart} is the start of the hour, on a whole hour of
 * the period's zone.
 */
public record SectionHour(Instant hourStart, Map<String, Double> concentrationsMgL, Double volumeM3) {

    /** Seconds in an hour: an hour's volume is its mean flow [m³/s] × 3600 s. */
    public static final int SECONDS_PER_HOUR = 3600;

    public SectionHour {
        Objects.requireNonNull(hourStart, "hourStart");
        Objects.requireNonNull(concentrationsMgL, "concentrationsMgL");
        Map<String, Double> checked = new TreeMap<>();
        concentrationsMgL.forEach((param, value) -> {
            Parameter p = Parameter.fromCode(param).filter(q -> q.domain() == Domain.WATER && q != Parameter.FLOW)
                    .orElseThrow(() -> new IllegalArgumentException("'" + param + "' is not a water quality parameter"));
            if (value == null || !Double.isFinite(value) || value < 0) {
                throw new IllegalArgumentException(param + " at " + hourStart + ": a mean concentration is finite and"
                        + " not negative, got " + value);
            }
            checked.put(p.code(), value);
        });
        concentrationsMgL = Collections.unmodifiableMap(checked);
        if (volumeM3 != null && (!Double.isFinite(volumeM3) || volumeM3 < 0)) {
            // Backflow (negative flow) is not a volume that crossed towards the downstream unit; the
            // flux formulas have no meaning for it, so the caller must decide what such an hour is.
            throw new IllegalArgumentException("volume at " + hourStart + " must be finite and not negative, got "
                    + volumeM3);
        }
    }

    /** The hour with its volume from the hour's mean flow: flow [m³/s] × 3600 s, in decimals (no binary noise). */
    public static SectionHour ofMeanFlow(Instant hourStart, Map<String, Double> concentrationsMgL, Double meanFlowM3s) {
        Double volume = meanFlowM3s == null ? null
                : BigDecimal.valueOf(meanFlowM3s).multiply(BigDecimal.valueOf(SECONDS_PER_HOUR)).doubleValue();
        return new SectionHour(hourStart, concentrationsMgL, volume);
    }
}
