package org.ecovalue.schemas.standards.water;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One row of GB 3838-2002 Table 1: how an item is bounded and, for bounded items, its limits for
 * classes I–V. {@code waterBody} is null when the row holds for rivers and lakes alike (only TP has
 * one row per water body).
 */
public record ClassLimits(WaterItem item, Bound bound, WaterBody waterBody, List<Double> limits, String source) {

    /** How Table 1 bounds an item. */
    public enum Bound {
        /** Value ≤ limit (most items). */
        UPPER,
        /** Value ≥ limit (DO). */
        LOWER,
        /** 6 ≤ pH ≤ 9 for every class. */
        RANGE,
        /** Water temperature: a limit on man-made change, not a class. */
        NOT_GRADED
    }

    /** pH 6–9, the same for classes I–V (Table 1, 序号 2). */
    public static final double PH_MIN = 6;
    public static final double PH_MAX = 9;

    /**
     * Table values are decimals; a mean computed in binary floating point can land a few ulps off a
     * limit it equals (0.1 + 0.3 …). Noise in the ninth significant digit is never measurement, so it
     * must not push a value over an inclusive limit.
     */
    private static final double RELATIVE_TOLERANCE = 1e-9;

    public ClassLimits {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(bound, "bound");
        limits = List.copyOf(limits);
        Objects.requireNonNull(source, "source");
        boolean bounded = bound == Bound.UPPER || bound == Bound.LOWER;
        if (bounded != (limits.size() == 5)) {
            throw new IllegalArgumentException(item + ": " + bound + " needs " + (bounded ? "5 limits" : "none"));
        }
    }

    public boolean isGraded() {
        return bound != Bound.NOT_GRADED;
    }

    /**
     * The best class whose limit the value meets (limits inclusive). Where classes share a limit the
     * better class is taken ("从优", REFERENCE.md §1.2): scanning from class I does exactly that.
     */
    public WaterClass classOf(double value) {
        switch (bound) {
            case RANGE:
                return meetsLower(value, PH_MIN) && meetsUpper(value, PH_MAX) ? WaterClass.I : WaterClass.WORSE_THAN_V;
            case UPPER:
            case LOWER:
                for (int i = 0; i < limits.size(); i++) {
                    double limit = limits.get(i);
                    if (bound == Bound.UPPER ? meetsUpper(value, limit) : meetsLower(value, limit)) {
                        return WaterClass.ofNumber(i + 1);
                    }
                }
                return WaterClass.WORSE_THAN_V;
            default:
                throw new IllegalStateException(item.code() + " is not graded by class (" + source + ")");
        }
    }

    /** The limit of class I–V; empty for 劣V and for items without per-class limits. */
    public OptionalDouble limitOf(WaterClass waterClass) {
        if (limits.isEmpty() || waterClass == WaterClass.WORSE_THAN_V) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(limits.get(waterClass.number() - 1));
    }

    private static boolean meetsUpper(double value, double limit) {
        return value <= limit * (1 + RELATIVE_TOLERANCE);
    }

    private static boolean meetsLower(double value, double limit) {
        return value >= limit * (1 - RELATIVE_TOLERANCE);
    }
}
