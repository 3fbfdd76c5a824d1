package org.ecovalue.schemas.compensation;

import org.ecovalue.schemas.ledger.LedgerEntry;
import org.ecovalue.schemas.ledger.LedgerHashChain;
import org.ecovalue.schemas.ledger.LedgerStatus;
import org.ecovalue.schemas.registry.Agreement;

/**
 * Outcome → ledger entry (DESIGN.md "Compensation ledger entry"), unsealed: the stream job seals
 * FINAL and CORRECTION entries into the agreement's chain with {@link LedgerHashChain#seal}.
 * The entry's explanation is the Chinese sentence (the ledger is read by Chinese authorities).
 * <p>A ledger entry always names a payer and a payee; when nobody pays (¥0.00) it names the
 * agreement's nominal direction, upstream party → downstream party, with amount 0.00, and the
 * explanation says that nobody pays.
 */
public final class CompensationLedger {

    private CompensationLedger() {
    }

    public static LedgerEntry entry(Agreement agreement, CompensationOutcome outcome, LedgerStatus status, int revision,
            long computedAtMillis, long watermarkMillis) {
        if (!agreement.id().equals(outcome.agreementId())) {
            throw new IllegalArgumentException("outcome of " + outcome.agreementId() + " is not for agreement "
                    + agreement.id());
        }
        boolean none = outcome.direction() == Direction.NONE;
        return new LedgerEntry(outcome.agreementId(), outcome.sectionId(), outcome.period(), outcome.scheme(), status,
                revision, none ? agreement.upstreamParty() : outcome.payer(),
                none ? agreement.downstreamParty() : outcome.payee(), outcome.amountCny(), outcome.inputs(),
                outcome.explanationZh(), computedAtMillis, watermarkMillis, null, null);
    }
}
