package org.ecovalue.schemas.standards.water;

import java.util.Optional;

/**
 * A result below the method's detection limit (未检出). For calculations and statistics it counts as
 * half the detection limit: 《地表水环境质量监测数据统计技术规定（试行）》(环办监测函〔2020〕82号) point 7
 * (REFERENCE.md §1.3).
 *
 * <p>Chinese monitoring reports write such a result as the detection limit followed by "L"
 * ({@code 0.01L}); {@code <0.01} is also common.
 */
public record BelowDetectionLimit(double detectionLimit) {

    public BelowDetectionLimit {
        if (!(Double.isFinite(detectionLimit) && detectionLimit > 0)) {
            throw new IllegalArgumentException("a detection limit is a positive number, got " + detectionLimit);
        }
    }

    /** ½ × detection limit. */
    public double valueForStatistics() {
        return detectionLimit / 2;
    }

    /** {@code 0.01L}, {@code 0.01l} or {@code <0.01}; empty for anything else. */
    public static Optional<BelowDetectionLimit> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        String number;
        if (t.startsWith("<")) {
            number = t.substring(1).trim();
        } else if (t.endsWith("L") || t.endsWith("l")) {
            number = t.substring(0, t.length() - 1).trim();
        } else {
            return Optional.empty();
        }
        try {
            double dl = Double.parseDouble(number);
            return Double.isFinite(dl) && dl > 0 ? Optional.of(new BelowDetectionLimit(dl)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
