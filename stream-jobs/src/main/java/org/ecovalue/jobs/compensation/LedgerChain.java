package org.ecovalue.jobs.compensation;

import org.apache.flink.api.common.state.ValueState;
import org.ecovalue.schemas.ledger.LedgerEntry;
import org.ecovalue.schemas.ledger.LedgerHashChain;

/** The hash chain of one agreement's FINAL and CORRECTION entries, its head in keyed state. */
final class LedgerChain {

    private LedgerChain() {
    }

    /** {@code entry} sealed onto the chain (and the head moved) if it is chained; else unchanged. */
    static LedgerEntry append(LedgerEntry entry, ValueState<String> head) throws Exception {
        if (!entry.status().isChained()) {
            return entry;
        }
        String prev = head.value();
        LedgerEntry sealed = LedgerHashChain.seal(entry, prev == null ? LedgerHashChain.GENESIS : prev);
        head.update(sealed.hash());
        return sealed;
    }
}
