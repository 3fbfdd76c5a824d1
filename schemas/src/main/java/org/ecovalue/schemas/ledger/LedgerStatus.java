package org.ecovalue.schemas.ledger;

/**
 * PROVISIONAL entries are live figures of an open period; FINAL settles a period once the watermark
 * has passed its end plus the allowed lateness; data arriving later produces a CORRECTION with the
 * next revision. FINAL and CORRECTION entries form the agreement's hash chain.
 */
public enum LedgerStatus {
    PROVISIONAL, FINAL, CORRECTION;

    /** Whether entries of this status belong to the agreement's hash chain. */
    public boolean isChained() {
        return this != PROVISIONAL;
    }
}
