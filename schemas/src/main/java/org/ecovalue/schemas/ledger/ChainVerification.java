package org.ecovalue.schemas.ledger;

/** The result of {@link LedgerHashChain#verify}: how many chained entries were checked and the first break, if any. */
public record ChainVerification(int chainedEntries, ChainBreak firstBreak) {

    public boolean intact() {
        return firstBreak == null;
    }

    @Override
    public String toString() {
        return intact() ? "intact (" + chainedEntries + " chained entries)" : "broken at " + firstBreak;
    }
}
