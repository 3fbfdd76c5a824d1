package org.ecovalue.jobs.compensation;

import java.io.Serializable;
import org.ecovalue.schemas.compensation.PeriodAccumulator;

/**
 * What the ledger keeps of one period of an agreement: the data so far, whether its FINAL entry is
 * out (then {@code revision} is the last one issued, {@code changedSinceFinal} says a correction
 * is due, and {@code settledVersion} is the agreement version, encoded, that the FINAL figure was
 * computed under: corrections use it too, so a later amendment never changes a settled figure), and
 * when the last PROVISIONAL entry went out (event time, for the rate limit).
 */
record PeriodBook(PeriodAccumulator data, boolean settled, int revision, boolean changedSinceFinal,
                  long lastProvisionalAt, byte[] settledVersion) implements Serializable {

    static PeriodBook open(PeriodAccumulator empty) {
        return new PeriodBook(empty, false, 0, false, Long.MIN_VALUE, null);
    }

    /** Whether a PROVISIONAL entry may go out at {@code ts} (none yet, or the last one {@code every} ago). */
    boolean provisionalDue(long ts, long every) {
        return lastProvisionalAt == Long.MIN_VALUE || ts - lastProvisionalAt >= every;
    }

    PeriodBook withData(PeriodAccumulator next) {
        return new PeriodBook(next, settled, revision, settled, lastProvisionalAt, settledVersion);
    }

    PeriodBook provisionalAt(long ts) {
        return new PeriodBook(data, settled, revision, changedSinceFinal, ts, settledVersion);
    }

    PeriodBook finalIssued(byte[] version) {
        return new PeriodBook(data, true, 0, false, lastProvisionalAt, version);
    }

    PeriodBook correctionIssued() {
        return new PeriodBook(data, true, revision + 1, false, lastProvisionalAt, settledVersion);
    }
}
