package org.ecovalue.dashboard.live;

import java.util.List;
import java.util.Map;
import org.ecovalue.schemas.ledger.LedgerEntry;

/**
 * An agreement as its page shows it: the running PROVISIONAL figure of the open period, the settled
 * (FINAL/CORRECTION) history with the verified badge, the factor means seen over the period
 * against the limit of the section's target class (GB 3838-2002 表1), and whether the chain holds.
 */
public record AgreementView(
        String id,
        String name,
        String sectionId,
        String sectionName,
        String scheme,
        String upstreamParty,
        String upstreamName,
        String downstreamParty,
        String downstreamName,
        String targetClass,
        double minCompleteness,
        LedgerEntry running,
        List<LedgerLine> settled,
        boolean chainIntact,
        String chainProblem,
        Map<String, List<TrendPoint>> factorTrend,
        Map<String, Double> targetLimitsMgL) {
}
