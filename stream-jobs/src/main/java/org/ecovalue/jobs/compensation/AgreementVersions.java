package org.ecovalue.jobs.compensation;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.RegistryItemCodec;
import org.ecovalue.schemas.reject.InputRejectedException;

/**
 * The versions of one agreement the ledger has seen on {@code eco.registry}, by effective date. The
 * compacted registry keeps only the latest version of an agreement; the ledger keeps the history
 * (keyed state, encoded as on the registry topic), so that a period is settled under the version in
 * force for it, also after an amendment arrived.
 * <p>Rule: a period settles under the latest version whose {@code effectiveFrom} is on or before the
 * period's first day; when none is (the agreement began inside the period) under the earliest one.
 * An amendment effective inside a period therefore applies from the next period on; an hour counts
 * only if that version is in force on the hour's day. An amendment keeps the agreement's period kind
 * and zone (a change of those is a new agreement id).
 */
final class AgreementVersions {

    private final TreeMap<LocalDate, byte[]> byEffectiveFrom;

    private AgreementVersions(TreeMap<LocalDate, byte[]> byEffectiveFrom) {
        this.byEffectiveFrom = byEffectiveFrom;
    }

    /** From the ledger's state: effective date (ISO) → encoded agreement. */
    static AgreementVersions of(Iterable<Map.Entry<String, byte[]>> stored) {
        TreeMap<LocalDate, byte[]> m = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : stored) {
            m.put(LocalDate.parse(e.getKey()), e.getValue());
        }
        return new AgreementVersions(m);
    }

    /** The encoded version a period whose first day is {@code firstDay} settles under; null if none is known. */
    byte[] encodedFor(LocalDate firstDay) {
        Map.Entry<LocalDate, byte[]> e = byEffectiveFrom.floorEntry(firstDay);
        if (e == null) {
            e = byEffectiveFrom.firstEntry();
        }
        return e == null ? null : e.getValue();
    }

    static Agreement decode(byte[] encoded) {
        try {
            return (Agreement) RegistryItemCodec.decode(encoded);
        } catch (InputRejectedException e) {
            // it was validated when it came in from the registry; only a codec change could get here
            throw new IllegalStateException("stored agreement version unreadable: " + e.detail(), e);
        }
    }

    static String stateKey(Agreement a) {
        return a.effectiveFrom().toString();
    }
}
