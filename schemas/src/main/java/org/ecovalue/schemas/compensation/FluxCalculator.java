package org.ecovalue.schemas.compensation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.Cny;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.registry.scheme.FluxScheme;

/**
 * Flux pricing, Jiangsu style (REFERENCE.md §4.2): per factor
 * <pre>
 *   excess load [t] = Σ_h (C_h − C_target) [g/m³] × V_h [m³] × 10⁻⁶ [t/g]
 *                   = (Σ C_h·V_h − C_target × Σ V_h) × 10⁻⁶
 *   factor amount [¥] = excess load [t] × price [¥/t], rounded HALF_UP to the fen
 * </pre>
 * over the hours that have both a concentration of the factor and a volume. This is the load that
 * crossed the section above target: (flow-weighted mean − target) × volume. The flow-weighted mean,
 * not the arithmetic one, because a high concentration at low flow carries little load and the
 * formula prices load (单因子补偿资金 = (指标值 − 目标值) × 水量 × 补偿标准). Hours without a volume
 * or a concentration add nothing: they are not extrapolated, the completeness says how many there were.
 * <p>The section amount is the sum of the rounded factor amounts (the formula's Σ factors). Two-way
 * (苏政办发〔2013〕195号): a factor better than target gives a negative amount that offsets the
 * others, and a negative sum is paid by the downstream side to the upstream party. One-way: a factor
 * better than target counts ¥0.00 (only exceedances are paid).
 */
final class FluxCalculator implements CompensationCalculator {

    private static final int GRAMS_PER_TONNE_EXPONENT = 6;

    private final Agreement agreement;
    private final FluxScheme scheme;

    FluxCalculator(Agreement agreement, FluxScheme scheme) {
        this.agreement = agreement;
        this.scheme = scheme;
    }

    @Override
    public CompensationOutcome calculate(SettlementBasis basis) {
        SectionPeriod sp = Settling.sectionPeriod(agreement, basis);
        Section section = sp.section();
        PeriodAccumulator data = sp.data();
        BigDecimal total = BigDecimal.ZERO.setScale(Cny.SCALE);
        List<FactorLine> lines = new ArrayList<>();
        Map<String, BigDecimal> means = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        List<String> missingZh = new ArrayList<>();
        List<String> partsZh = new ArrayList<>();
        List<String> partsEn = new ArrayList<>();
        int minHours = Integer.MAX_VALUE;
        if (data.flowHours() == 0) {
            missing.add("flow");
            missingZh.add("流量");
        }
        for (FluxScheme.Factor f : scheme.factors()) {
            BigDecimal target = Targets.targetMgL(f.targetMgL(), f.param(), section);
            FactorTotals t = data.factor(f.param());
            minHours = Math.min(minHours, t.pairedHours());
            if (t.pairedHours() == 0) {
                // no hour with both a concentration and a volume: nothing to price. A concentration
                // measured without flow is still reported (its arithmetic mean); none at all is missing.
                if (t.validHours() == 0) {
                    missing.add(f.param());
                    missingZh.add(Wording.paramZh(f.param()));
                } else {
                    means.put(f.param(), t.meanMgL().orElseThrow());
                }
                lines.add(new FactorLine(f.param(), t.meanMgL().orElse(null), target, 0, null));
                continue;
            }
            BigDecimal excessT = t.loadG().subtract(target.multiply(t.pairedVolumeM3()))
                    .movePointLeft(GRAMS_PER_TONNE_EXPONENT);
            BigDecimal amount = Cny.round(excessT.multiply(f.priceCnyPerTonne()));
            if (!scheme.twoWay() && amount.signum() < 0) {
                amount = BigDecimal.ZERO.setScale(Cny.SCALE);
            }
            total = total.add(amount);
            // with no volume at all the flow-weighted mean is 0/0; the arithmetic mean is then reported
            BigDecimal mean = t.flowWeightedMeanMgL().or(t::meanMgL).orElseThrow();
            means.put(f.param(), mean);
            lines.add(new FactorLine(f.param(), mean, target, t.pairedHours(), amount));
            String targetZh = f.targetMgL() != null ? "协议目标" + Wording.mgL(target) + " mg/L"
                    : section.targetClass().label() + "类目标" + Wording.mgL(target) + " mg/L";
            String targetEn = f.targetMgL() != null ? "an agreed target of " + Wording.mgL(target) + " mg/L"
                    : "a class " + section.targetClass().label() + " target of " + Wording.mgL(target) + " mg/L";
            partsZh.add(Wording.paramZh(f.param()) + "流量加权均值" + Wording.mgL(mean) + " mg/L（" + targetZh + "），过境水量"
                    + Wording.volume(t.pairedVolumeM3()) + " m³，" + (excessT.signum() >= 0 ? "超标负荷" : "优于目标负荷")
                    + Wording.tonnes(excessT.abs()) + " t×" + Wording.yuan(f.priceCnyPerTonne()) + "/t="
                    + Wording.yuan(amount.abs()));
            partsEn.add(Wording.paramEn(f.param()) + " " + Wording.mgL(mean) + " mg/L (flow-weighted) against "
                    + targetEn + " over " + Wording.volume(t.pairedVolumeM3()) + " m³: " + Wording.tonnes(excessT.abs())
                    + " t " + (excessT.signum() >= 0 ? "above" : "below") + " target × "
                    + Wording.yuan(f.priceCnyPerTonne()) + "/t = " + Wording.yuan(amount.abs()));
        }
        double completeness = data.completeness(minHours);
        String head = "断面" + section.name() + "（" + section.id() + "）" + data.period() + "：";
        String headEn = "Section " + section.name() + " (" + section.id() + ") in " + data.period() + " averaged ";
        String zh = head + (partsZh.isEmpty() ? "无可计价的因子" : String.join("；", partsZh))
                + (scheme.twoWay() ? "；双向补偿合计" : "；单向补偿合计") + Wording.yuan(total.abs());
        String en = headEn + (partsEn.isEmpty() ? "no priced factor" : String.join("; ", partsEn))
                + (scheme.twoWay() ? "; two-way total " : "; one-way total ") + Wording.yuan(total.abs());
        return Settling.outcome(agreement, section.id(), data.period(), total, lines, completeness,
                Settling.inputs(means, data.volumeM3(), minHours, completeness, null, null),
                missing, missingZh, new Settling.Words(zh, en));
    }
}
