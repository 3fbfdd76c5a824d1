package org.ecovalue.jobs.compensation;

import java.io.Serializable;

/**
 * What a ledger keeps of one period of an agreement: the data so far (the section's monitoring,
 * {@code PeriodAccumulator}, or the upstream unit's inventory values, {@link ServiceValueFigures}), whether its FINAL entry is
 * out (then {@code revision} is the last one issued, {@code changedSinceFinal} says a correction
 * is due, and {@code settledVersion} is the agreement version, encoded, that the FINAL figure was
 * computed under: corrections use it too, so a later amendment never changes a settled figure), and
 * when the last PROVISIONAL entry went out (event time, for the rate limit).
 */
record PeriodBook<D extends Serializable>(D data, boolean settled, int revision, boolean changedSinceFinal,
                  long lastProvisionalAt, byte[] settledVersion) implements Serializable {

    static <D extends Serializable> PeriodBook<D> open(D empty) {
        return new PeriodBook<>(empty, false, 0, false, Long.MIN_VALUE, null);
    }

    /** Whether a PROVISIONAL entry may go out at {@code ts} (none yet, or the last one {@code every} ago). */
    boolean provisionalDue(long ts, long every) {
        return lastProvisionalAt == Long.MIN_VALUE || ts - lastProvisionalAt >= every;
    }

    PeriodBook<D> withData(D next) {
        return new PeriodBook<>(next, settled, revision, settled, lastProvisionalAt, settledVersion);
    }

    PeriodBook<D> provisionalAt(long ts) {
        return new PeriodBook<>(data, settled, revision, changedSinceFinal, ts, settledVersion);
    }

    PeriodBook<D> finalIssued(byte[] version) {
        return new PeriodBook<>(data, true, 0, false, lastProvisionalAt, version);
    }

    PeriodBook<D> correctionIssued() {
        return new PeriodBook<>(data, true, revision + 1, false, lastProvisionalAt, settledVersion);
    }
}
