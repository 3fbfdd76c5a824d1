package org.ecovalue.schemas.hj212;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * All CP fields of one factor (pollutant or parameter code) in a packet, REFERENCE.md §6.4.
 * Values keep the decimal text the station sent ({@code 27.299999} stays exact).
 *
 * @param factor      the factor code as sent ({@code w21003}, {@code 060}, {@code Nh3-scr})
 * @param rtd         {@code -Rtd}, real-time value, or null
 * @param avg         {@code -Avg}, interval mean, or null
 * @param min         {@code -Min}, or null
 * @param max         {@code -Max}, or null
 * @param cou         {@code -Cou}, cumulative value (load, volume), or null
 * @param flag        {@code -Flag} as sent (Table 8 letter, not validated here), or null
 * @param sampleTime  {@code -SampleTime} in the decoder's zone, or null
 * @param otherFields every other suffix ({@code ZsRtd}, {@code EFlag}, {@code ValidNum}, …) → raw value
 */
public record Hj212DataItem(
        String factor,
        BigDecimal rtd,
        BigDecimal avg,
        BigDecimal min,
        BigDecimal max,
        BigDecimal cou,
        String flag,
        Instant sampleTime,
        Map<String, String> otherFields) {

    public Hj212DataItem {
        Objects.requireNonNull(factor, "factor");
        if (factor.isEmpty()) {
            throw new IllegalArgumentException("empty factor code");
        }
        otherFields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(otherFields, "otherFields")));
    }

    /** The value for a CP suffix: {@code Rtd}, {@code Avg}, {@code Min}, {@code Max} or {@code Cou}. */
    public Optional<BigDecimal> value(String suffix) {
        return Optional.ofNullable(switch (suffix) {
            case "Rtd" -> rtd;
            case "Avg" -> avg;
            case "Min" -> min;
            case "Max" -> max;
            case "Cou" -> cou;
            default -> null;
        });
    }
}
