package org.ecovalue.schemas.hj212;

import java.util.Optional;

/**
 * Dialect of a packet, from the version bits V5..V0 of its {@code Flag} (REFERENCE.md §6.2):
 * 0 = HJ/T 212-2005, 1 = HJ 212-2017, 2 = HJ 212-2025 (in force 2026-01-01, §6.8). The three share
 * frame, CRC and CP syntax; a packet without a {@code Flag} field is read as 2005, whose devices
 * commonly omit it.
 */
public enum Hj212Version {
    HJT_212_2005(0, "2005"),
    HJ_212_2017(1, "2017"),
    HJ_212_2025(2, "2025");

    private final int versionBits;
    private final String year;

    Hj212Version(int versionBits, String year) {
        this.versionBits = versionBits;
        this.year = year;
    }

    /** The value of bits V5..V0 ({@code Flag >> 2}). */
    public int versionBits() {
        return versionBits;
    }

    /** The year of the standard, as it appears in JSON output ("2017"). */
    public String year() {
        return year;
    }

    public static Optional<Hj212Version> fromVersionBits(int bits) {
        for (Hj212Version v : values()) {
            if (v.versionBits == bits) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
