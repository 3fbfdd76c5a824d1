package org.ecovalue.schemas.compensation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
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
            Parameter p = Parameter.fromCode(param).filter(SectionHour::isFactor)
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

    /**
     * Whether a parameter is one an hour averages: a water parameter other than flow (pH and the
     * physical ones included: a period's GB 3838 class needs pH, and a scheme picks its own factors).
     */
    public static boolean isFactor(Parameter p) {
        return p.domain() == Domain.WATER && p != Parameter.FLOW;
    }

    /** The hour with its volume from the hour's mean flow: flow [m³/s] × 3600 s, in decimals (no binary noise). */
    public static SectionHour ofMeanFlow(Instant hourStart, Map<String, Double> concentrationsMgL, Double meanFlowM3s) {
        Double volume = meanFlowM3s == null ? null
                : BigDecimal.valueOf(meanFlowM3s).multiply(BigDecimal.valueOf(SECONDS_PER_HOUR)).doubleValue();
        return new SectionHour(hourStart, concentrationsMgL, volume);
    }

    /**
     * The volume of the hour from the flow station's samples in it (e.g. every 300 s), as a step
     * integral: each sample's flow holds until the next sample or the end of the hour, and the first
     * sample also holds from the start of the hour. In decimals: Σ q_i [m³/s] × Δt_i [s] = V [m³].
     * Null when the hour has no sample (no volume: the hour is not priced, not estimated).
     */
    public static Double volumeM3FromFlowSamples(Instant hourStart, List<FlowSample> samples) {
        Instant hourEnd = hourStart.plusSeconds(SECONDS_PER_HOUR);
        List<FlowSample> sorted = samples.stream().sorted(Comparator.comparing(FlowSample::at)).toList();
        if (sorted.isEmpty()) {
            return null;
        }
        BigDecimal volume = BigDecimal.ZERO;
        for (int i = 0; i < sorted.size(); i++) {
            FlowSample s = sorted.get(i);
            if (s.at().isBefore(hourStart) || !s.at().isBefore(hourEnd)) {
                throw new IllegalArgumentException("flow sample at " + s.at() + " is outside the hour starting "
                        + hourStart);
            }
            Instant from = i == 0 ? hourStart : s.at();
            Instant to = i + 1 < sorted.size() ? sorted.get(i + 1).at() : hourEnd;
            volume = volume.add(BigDecimal.valueOf(s.flowM3s())
                    .multiply(BigDecimal.valueOf(Duration.between(from, to).toMillis()).movePointLeft(3)));
        }
        return volume.doubleValue();
    }
}
