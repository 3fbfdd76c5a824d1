package org.ecovalue.schemas.compensation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ecovalue.schemas.ledger.LedgerInputs;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.Cny;
import org.ecovalue.schemas.standards.water.WaterClass;

/**
 * What every scheme does the same way once it has its signed amount: the direction, the payer lines,
 * the completeness mark and the closing words of the explanation.
 * <p>Sign convention of all calculators: a signed amount is positive when the upstream party owes
 * the downstream party (its water is worse than agreed), negative when the downstream side owes the
 * upstream party. What the upstream party owes it pays alone; what the downstream side owes is split
 * by the agreement's {@code payerShares} ({@link PayerSplit}).
 */
final class Settling {

    private Settling() {
    }

    static SectionPeriod sectionPeriod(Agreement agreement, SettlementBasis basis) {
        if (!(basis instanceof SectionPeriod sp)) {
            throw new IllegalArgumentException("agreement " + agreement.id() + " (" + agreement.scheme().schemeName()
                    + ") settles on a section's monitoring, not on " + basis.getClass().getSimpleName());
        }
        if (!sp.section().id().equals(agreement.section())) {
            throw new IllegalArgumentException("agreement " + agreement.id() + " settles on section "
                    + agreement.section() + ", not " + sp.section().id());
        }
        if (sp.data().kind() != agreement.period() || !sp.data().zone().equals(agreement.zone())) {
            throw new IllegalArgumentException("agreement " + agreement.id() + " settles per " + agreement.period().code()
                    + " in " + agreement.zone() + ", the data is a " + sp.data().kind().code() + " in " + sp.data().zone());
        }
        return sp;
    }

    /** The parts of an explanation a scheme writes; {@code findings} describe the data and the rule. */
    record Words(String findingsZh, String findingsEn) {
    }

    static CompensationOutcome outcome(Agreement agreement, String sectionId, String period, BigDecimal signedCny,
            List<FactorLine> factorLines, double completeness, LedgerInputs inputs, List<String> missing,
            List<String> missingZh, Words words) {
        BigDecimal signed = Cny.exact(signedCny, "signedAmountCny");
        BigDecimal amount = signed.abs();
        Direction direction = signed.signum() > 0 ? Direction.UPSTREAM_PAYS
                : signed.signum() < 0 ? Direction.DOWNSTREAM_PAYS : Direction.NONE;
        String payer = switch (direction) {
            case UPSTREAM_PAYS -> agreement.upstreamParty();
            case DOWNSTREAM_PAYS -> agreement.downstreamParty();
            case NONE -> null;
        };
        String payee = switch (direction) {
            case UPSTREAM_PAYS -> agreement.downstreamParty();
            case DOWNSTREAM_PAYS -> agreement.upstreamParty();
            case NONE -> null;
        };
        List<PayerLine> lines = switch (direction) {
            case UPSTREAM_PAYS -> List.of(new PayerLine(payer, BigDecimal.ONE, amount));
            case DOWNSTREAM_PAYS -> PayerSplit.split(amount, agreement.payerShares());
            case NONE -> List.of();
        };
        // the exact fraction decides, not the 4-decimal figure of the inputs (0.74996 is below 0.75)
        boolean below = completeness < agreement.minCompleteness();

        StringBuilder zh = new StringBuilder(words.findingsZh());
        StringBuilder en = new StringBuilder(words.findingsEn());
        if (direction == Direction.NONE) {
            zh.append("，双方互不支付");
            en.append(", so nobody pays");
        } else {
            zh.append("，由").append(direction == Direction.UPSTREAM_PAYS ? "上游" : "下游").append(payer).append("向")
                    .append(direction == Direction.UPSTREAM_PAYS ? "下游" : "上游").append(payee).append("支付")
                    .append(Wording.yuan(amount));
            en.append(", so ").append(direction == Direction.UPSTREAM_PAYS ? "upstream " : "downstream ").append(payer)
                    .append(" pays ").append(direction == Direction.UPSTREAM_PAYS ? "downstream " : "upstream ")
                    .append(payee).append(' ').append(Wording.yuan(amount));
            if (lines.size() > 1) {
                zh.append("（").append(lines.stream().map(l -> l.party() + "承担" + Wording.yuan(l.amountCny()))
                        .collect(Collectors.joining("，"))).append("）");
                en.append(" (").append(lines.stream().map(l -> l.party() + " " + Wording.yuan(l.amountCny()))
                        .collect(Collectors.joining(", "))).append(")");
            }
        }
        zh.append("（数据完整率").append(Wording.percent(completeness));
        en.append(" (data completeness ").append(Wording.percent(completeness));
        if (below) {
            zh.append("，低于协议最低").append(Wording.percent(agreement.minCompleteness())).append("，已标记");
            en.append(", below the agreed minimum of ").append(Wording.percent(agreement.minCompleteness()))
                    .append(", marked");
        }
        if (!missing.isEmpty()) {
            zh.append("；无有效数据：").append(String.join("、", missingZh));
            en.append("; no valid data: ").append(String.join(", ", missing));
        }
        zh.append("）。");
        en.append(").");
        return new CompensationOutcome(agreement.id(), sectionId, period, agreement.scheme().schemeName(), direction,
                payer, payee, amount, lines, factorLines, inputs, below, missing, zh.toString(), en.toString());
    }

    /** Means for {@link LedgerInputs}, rounded there to its scale. */
    static LedgerInputs inputs(Map<String, BigDecimal> meansMgL, BigDecimal volumeM3, Integer validHours,
            double completeness, WaterClass waterClass, BigDecimal index) {
        Map<String, BigDecimal> means = new TreeMap<>();
        meansMgL.forEach((p, m) -> means.put(p, m.setScale(LedgerInputs.MEAN_SCALE, LedgerInputs.ROUNDING)));
        return new LedgerInputs(means,
                volumeM3 == null ? null : volumeM3.setScale(LedgerInputs.VOLUME_SCALE, LedgerInputs.ROUNDING),
                validHours,
                BigDecimal.valueOf(completeness).setScale(LedgerInputs.FRACTION_SCALE, LedgerInputs.ROUNDING),
                waterClass,
                index == null ? null : index.setScale(LedgerInputs.INDEX_SCALE, LedgerInputs.ROUNDING));
    }
}
