package org.ecovalue.schemas.observation;

/**
 * Instrument data flag, HJ 212-2017 §6.6.4 Table 8. Only {@link #N} readings count towards figures;
 * the others are kept and reported.
 */
public enum Flag {
    /** Normal. */
    N,
    /** Instrument stopped. */
    F,
    /** Maintenance. */
    M,
    /** Manually entered set value. */
    S,
    /** Fault (also: an OPC UA value with a bad StatusCode). */
    D,
    /** Calibration. */
    C,
    /** Above the measuring upper limit. */
    T,
    /** Instrument-to-logger communication error. */
    B;

    public boolean countsTowardsFigures() {
        return this == N;
    }

    /** Parses a flag letter; null or blank means {@link #N} (the contract's default). */
    public static Flag parse(String text) {
        if (text == null || text.isBlank()) {
            return N;
        }
        String t = text.trim();
        if (t.length() == 1) {
            for (Flag f : values()) {
                if (f.name().equalsIgnoreCase(t)) {
                    return f;
                }
            }
        }
        throw new IllegalArgumentException("unknown data flag '" + text + "' (HJ 212 Table 8: N F M S D C T B)");
    }
}
