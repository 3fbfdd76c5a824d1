package org.ecovalue.dashboard.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ecovalue.schemas.ledger.ChainVerification;
import org.ecovalue.schemas.ledger.LedgerEntry;
import org.ecovalue.schemas.ledger.LedgerHashChain;

/**
 * What the dashboard keeps of one agreement's ledger: the latest PROVISIONAL entry, every chained
 * (FINAL/CORRECTION) entry in topic order, re-verified on each arrival, and a bounded trend of the
 * factor means of the running period. Not thread-safe: {@link LiveView} guards it.
 */
final class AgreementLedger {

    private final int trendPoints;
    private LedgerEntry running;
    private final List<LedgerEntry> chained = new ArrayList<>();
    private ChainVerification verification = new ChainVerification(0, null);
    private final Map<String, Deque<TrendPoint>> factorTrend = new TreeMap<>();

    AgreementLedger(int trendPoints) {
        this.trendPoints = trendPoints;
    }

    void add(LedgerEntry e) {
        if (e.status().isChained()) {
            chained.add(e);
            verification = LedgerHashChain.verify(chained);
            if (running != null && running.period().equals(e.period())) {
                running = null; // the period is settled: no running figure until the next one opens
            }
            return;
        }
        if (running != null && !running.period().equals(e.period())) {
            factorTrend.clear(); // a new period: its factors start afresh
        }
        running = e;
        long t = e.watermark() > 0 ? e.watermark() : e.computedAt();
        e.inputs().meansMgL().forEach((param, mean) -> {
            Deque<TrendPoint> points = factorTrend.computeIfAbsent(param, p -> new ArrayDeque<>());
            points.addLast(new TrendPoint(t, mean.doubleValue()));
            while (points.size() > trendPoints) {
                points.removeFirst();
            }
        });
    }

    LedgerEntry running() {
        return running;
    }

    /** Settled entries, newest first; an entry is verified when the chain holds up to it. */
    List<LedgerLine> settled() {
        int breakAt = verification.intact() ? Integer.MAX_VALUE : verification.firstBreak().index();
        List<LedgerLine> lines = new ArrayList<>(chained.size());
        for (int i = 0; i < chained.size(); i++) {
            lines.add(new LedgerLine(chained.get(i), i < breakAt));
        }
        java.util.Collections.reverse(lines);
        return lines;
    }

    ChainVerification verification() {
        return verification;
    }

    Map<String, List<TrendPoint>> factorTrend() {
        Map<String, List<TrendPoint>> copy = new TreeMap<>();
        factorTrend.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }
}
