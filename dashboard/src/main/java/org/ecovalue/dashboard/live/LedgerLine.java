package org.ecovalue.dashboard.live;

import org.ecovalue.schemas.ledger.LedgerEntry;

/**
 * A FINAL or CORRECTION entry with whether the agreement's hash chain verifies up to and including
 * it ({@code LedgerHashChain.verify} over the entries in topic order).
 */
public record LedgerLine(LedgerEntry entry, boolean verified) {
}
