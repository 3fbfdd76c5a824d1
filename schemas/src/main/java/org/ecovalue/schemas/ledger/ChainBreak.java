package org.ecovalue.schemas.ledger;

/** Where a ledger's hash chain is broken: the position in the list given and the entry there. */
public record ChainBreak(int index, String agreementId, String period, int revision, String problem) {

    @Override
    public String toString() {
        return "entry #" + index + " (agreement " + agreementId + ", period " + period + ", revision " + revision
                + "): " + problem;
    }
}
