package org.ecovalue.jobs.qc;

import org.ecovalue.schemas.observation.Flag;

/** The {@code qc} field of a reading on {@code eco.observations.clean} (DESIGN.md "Kafka topics"). */
public final class QcVerdict {

    /** The reading counts towards figures. */
    public static final String OK = "ok";
    /** Outside {@link PlausibleRange}. */
    public static final String OUT_OF_RANGE = "out-of-range";
    /** The same value as the sensor's previous readings for too long: a stuck sensor. */
    public static final String FLAT_LINE = "flat-line";
    /** Jumped away from the sensor's neighbouring readings and came back ({@link SpikeThreshold}). */
    public static final String SPIKE = "spike";
    /** Not a number: a decoder let NaN or infinity through. */
    public static final String NOT_FINITE = "not-finite";

    private QcVerdict() {
    }

    /** A flag other than N (HJ 212-2017 Table 8): kept, but excluded from figures. */
    public static String flagged(Flag flag) {
        return "flag-" + flag.name();
    }

    public static boolean counts(String verdict) {
        return OK.equals(verdict);
    }
}
