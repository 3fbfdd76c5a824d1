package org.ecovalue.schemas.compensation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.Cny;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.registry.scheme.TieredExceedanceScheme;

/**
 * Tiered penalty by exceedance multiple, Zhoukou / Jiangsu 2021 style (REFERENCE.md §4.3). Per
 * factor m_i = max(0, (C_i − C_target) / C_target) on the period's arithmetic mean C_i (the schemes
 * assess the period's mean concentration, not a load); a factor at or below target exceeds by 0,
 * so it never offsets another under {@code sum}. m = max or sum of the m_i, as the scheme says.
 * m ≤ {@code minMultiple}: ¥0.00. Otherwise the first tier with m ≤ {@code upToMultiple} (the last
 * may be open): amount = tier amount × (1 + m) with {@code scaleByMultiple}, else the tier amount,
 * rounded HALF_UP to the fen; the upstream party pays. A missing factor is skipped and marked.
 */
final class TieredExceedanceCalculator implements CompensationCalculator {

    private final Agreement agreement;
    private final TieredExceedanceScheme scheme;

    TieredExceedanceCalculator(Agreement agreement, TieredExceedanceScheme scheme) {
        this.agreement = agreement;
        this.scheme = scheme;
    }

    @Override
    public CompensationOutcome calculate(SettlementBasis basis) {
        SectionPeriod sp = Settling.sectionPeriod(agreement, basis);
        Section section = sp.section();
        PeriodAccumulator data = sp.data();
        List<FactorLine> lines = new ArrayList<>();
        Map<String, BigDecimal> means = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        List<String> missingZh = new ArrayList<>();
        List<String> partsZh = new ArrayList<>();
        List<String> partsEn = new ArrayList<>();
        int minHours = Integer.MAX_VALUE;
        BigDecimal m = null;
        for (TieredExceedanceScheme.Factor f : scheme.factors()) {
            BigDecimal target = Targets.targetMgL(f.targetMgL(), f.param(), section);
            FactorTotals t = data.factor(f.param());
            minHours = Math.min(minHours, t.validHours());
            if (t.meanMgL().isEmpty()) {
                missing.add(f.param());
                missingZh.add(Wording.paramZh(f.param()));
                lines.add(new FactorLine(f.param(), null, target, 0, null));
                continue;
            }
            BigDecimal mean = t.meanMgL().get();
            means.put(f.param(), mean);
            lines.add(new FactorLine(f.param(), mean, target, t.validHours(), null));
            BigDecimal mi = mean.subtract(target).divide(target, FactorTotals.MEANS).max(BigDecimal.ZERO);
            m = m == null ? mi : scheme.aggregate() == TieredExceedanceScheme.Aggregate.MAX ? m.max(mi) : m.add(mi);
            partsZh.add(Wording.paramZh(f.param()) + "均值" + Wording.mgL(mean) + " mg/L、目标" + Wording.mgL(target)
                    + " mg/L、超标倍数" + Wording.number(mi));
            partsEn.add(Wording.paramEn(f.param()) + " " + Wording.mgL(mean) + " mg/L against " + Wording.mgL(target)
                    + " mg/L, multiple " + Wording.number(mi));
        }
        String zh = "断面" + section.name() + "（" + section.id() + "）" + data.period() + "："
                + (partsZh.isEmpty() ? "无有效因子" : String.join("；", partsZh));
        String en = "Section " + section.name() + " (" + section.id() + ") in " + data.period() + " had "
                + (partsEn.isEmpty() ? "no valid factor" : String.join("; ", partsEn));
        BigDecimal signed = BigDecimal.ZERO.setScale(Cny.SCALE);
        if (m != null) {
            String agg = scheme.aggregate() == TieredExceedanceScheme.Aggregate.MAX ? "最大" : "合计";
            zh += "；" + agg + "超标倍数m=" + Wording.number(m);
            en += "; " + scheme.aggregate().code() + " multiple m = " + Wording.number(m);
            if (m.compareTo(BigDecimal.valueOf(scheme.minMultiple())) <= 0) {
                zh += "≤" + Wording.number(BigDecimal.valueOf(scheme.minMultiple())) + "，不扣缴";
                en += " ≤ " + Wording.number(BigDecimal.valueOf(scheme.minMultiple())) + ", no penalty";
            } else {
                TieredExceedanceScheme.Tier tier = tierOf(m);
                String upTo = tier.upToMultiple() == null ? "" : "≤" + Wording.number(BigDecimal.valueOf(tier.upToMultiple()));
                String tierZh = upTo.isEmpty() ? "最高档" : "档位" + upTo;
                if (scheme.scaleByMultiple()) {
                    signed = Cny.round(tier.amountCny().multiply(BigDecimal.ONE.add(m)));
                    zh += "，适用" + tierZh + "：" + Wording.yuan(tier.amountCny()) + "×(1+" + Wording.number(m) + ")="
                            + Wording.yuan(signed);
                    en += ", tier " + (upTo.isEmpty() ? "open" : upTo) + ": " + Wording.yuan(tier.amountCny()) + " × (1 + "
                            + Wording.number(m) + ") = " + Wording.yuan(signed);
                } else {
                    signed = tier.amountCny();
                    zh += "，适用" + tierZh + "：" + Wording.yuan(signed);
                    en += ", tier " + (upTo.isEmpty() ? "open" : upTo) + ": " + Wording.yuan(signed);
                }
            }
        }
        double completeness = data.completeness(minHours);
        return Settling.outcome(agreement, section.id(), data.period(), signed, lines, completeness,
                Settling.inputs(means, null, minHours, completeness, null, m),
                missing, missingZh, new Settling.Words(zh, en));
    }

    private TieredExceedanceScheme.Tier tierOf(BigDecimal m) {
        for (TieredExceedanceScheme.Tier tier : scheme.tiers()) {
            if (tier.upToMultiple() == null || m.compareTo(BigDecimal.valueOf(tier.upToMultiple())) <= 0) {
                return tier;
            }
        }
        // the tiers stop below m and none is open: the highest tier applies
        return scheme.tiers().get(scheme.tiers().size() - 1);
    }
}
