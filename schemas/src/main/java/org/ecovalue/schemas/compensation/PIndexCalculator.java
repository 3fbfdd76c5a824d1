package org.ecovalue.schemas.compensation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.registry.scheme.PIndexScheme;

/**
 * The Xin'an River P index (REFERENCE.md §4.1): P = K0 × Σ k_i × C_i / C_i0, with C_i the period's
 * arithmetic (time-weighted) mean of factor i — the annual mean of the assessment, which is an
 * arithmetic mean of samples (《地表水环境质量评价办法（试行）》), not a load: P compares
 * concentrations with baseline concentrations, so flow does not enter. Computed in decimals
 * (16 significant digits per division).
 * <p>P ≤ threshold (the baseline is met, P exactly at the threshold included): the downstream side
 * pays the upstream party {@code amountCny}; P above it: the upstream party pays the downstream one.
 * P needs every weighted term: with a factor missing there is no P, nobody pays, and the figure is
 * marked (the missing factor is never guessed).
 */
final class PIndexCalculator implements CompensationCalculator {

    private final Agreement agreement;
    private final PIndexScheme scheme;

    PIndexCalculator(Agreement agreement, PIndexScheme scheme) {
        this.agreement = agreement;
        this.scheme = scheme;
    }

    @Override
    public CompensationOutcome calculate(SettlementBasis basis) {
        SectionPeriod sp = Settling.sectionPeriod(agreement, basis);
        Section section = sp.section();
        PeriodAccumulator data = sp.data();
        BigDecimal sum = BigDecimal.ZERO;
        List<FactorLine> lines = new ArrayList<>();
        Map<String, BigDecimal> means = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        List<String> missingZh = new ArrayList<>();
        List<String> termsZh = new ArrayList<>();
        List<String> termsEn = new ArrayList<>();
        int minHours = Integer.MAX_VALUE;
        for (PIndexScheme.Factor f : scheme.factors()) {
            FactorTotals t = data.factor(f.param());
            BigDecimal baseline = BigDecimal.valueOf(f.baselineMgL());
            minHours = Math.min(minHours, t.validHours());
            if (t.meanMgL().isEmpty()) {
                missing.add(f.param());
                missingZh.add(Wording.paramZh(f.param()));
                lines.add(new FactorLine(f.param(), null, baseline, 0, null));
                continue;
            }
            BigDecimal mean = t.meanMgL().get();
            means.put(f.param(), mean);
            lines.add(new FactorLine(f.param(), mean, baseline, t.validHours(), null));
            sum = sum.add(BigDecimal.valueOf(f.weight()).multiply(mean.divide(baseline, FactorTotals.MEANS)));
            termsZh.add(Wording.paramZh(f.param()) + Wording.mgL(mean) + "/" + Wording.mgL(baseline));
            termsEn.add(Wording.paramEn(f.param()) + " " + Wording.mgL(mean) + "/" + Wording.mgL(baseline));
        }
        double completeness = data.completeness(minHours);
        String head = "断面" + section.name() + "（" + section.id() + "）" + data.period() + "均值与基准之比为";
        String headEn = "Section " + section.name() + " (" + section.id() + ") in " + data.period()
                + " had period means against baselines of ";
        BigDecimal p = null;
        BigDecimal signed = BigDecimal.ZERO.setScale(2);
        String zh;
        String en;
        BigDecimal threshold = BigDecimal.valueOf(scheme.threshold());
        if (missing.isEmpty()) {
            p = BigDecimal.valueOf(scheme.k0()).multiply(sum);
            boolean met = p.compareTo(threshold) <= 0;
            signed = met ? scheme.amountCny().negate() : scheme.amountCny();
            zh = head + String.join("、", termsZh) + "，P=K0×Σkᵢ·Cᵢ/Cᵢ₀=" + Wording.number(BigDecimal.valueOf(scheme.k0()))
                    + "×" + Wording.number(sum) + "=" + Wording.number(p) + (met ? "≤" : ">") + Wording.number(threshold)
                    + (met ? "，达到基准" : "，未达到基准");
            en = headEn + String.join(", ", termsEn) + ": P = K0 × Σ kᵢ·Cᵢ/Cᵢ₀ = "
                    + Wording.number(BigDecimal.valueOf(scheme.k0())) + " × " + Wording.number(sum) + " = "
                    + Wording.number(p) + (met ? " ≤ " : " > ") + Wording.number(threshold)
                    + (met ? ", the baseline is met" : ", the baseline is missed");
        } else {
            zh = head + String.join("、", termsZh) + "，因子缺测，无法计算P";
            en = headEn + String.join(", ", termsEn) + ", but a factor has no valid data, so P cannot be computed";
        }
        return Settling.outcome(agreement, section.id(), data.period(), signed, lines, completeness,
                Settling.inputs(means, null, minHours, completeness, null, p),
                missing, missingZh, new Settling.Words(zh, en));
    }
}
