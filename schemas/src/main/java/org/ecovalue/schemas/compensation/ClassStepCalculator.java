package org.ecovalue.schemas.compensation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ecovalue.schemas.ledger.LedgerInputs;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.Cny;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.registry.scheme.ClassStepScheme;
import org.ecovalue.schemas.standards.water.SurfaceWaterStandard;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.ecovalue.schemas.standards.water.WaterEvaluation;
import org.ecovalue.schemas.standards.water.WaterItem;
import org.ecovalue.schemas.standards.water.WaterRule;

/**
 * Class steps, Yellow River Henan–Shandong style (REFERENCE.md §4.3).
 * <p><b>Class term.</b> The class of the period is the GB 3838 single-factor class
 * ({@link SurfaceWaterStandard#evaluate}, {@link WaterRule#PERIOD}) of the period's arithmetic means
 * of the scheme's factors — the period class of 《地表水环境质量评价办法（试行）》 is the class of
 * arithmetic means, not of loads. Without configured factors every period item that was measured
 * counts; a missing factor is skipped by the standard and marked here. Steps = class number −
 * baseline number (劣V is 6, one below V); signed amount = steps × {@code amountPerClassCny}
 * (worse: the upstream party pays).
 * <p><b>Change term</b> (optional). Index I = (1/n) Σ C_i / S_i over the term's factors, S_i the
 * Table 1 limit of the baseline class, rounded to 4 decimals as the ledger stores it (so next
 * period's term can be redone from this entry's {@code inputs.index}). Change in percentage points =
 * (I − I_prior) / I_prior × 100; signed amount = points × {@code amountPerPointCny}, rounded HALF_UP
 * to the fen, its size capped at {@code capCny} (a rise: the upstream party pays; a fall: the
 * downstream side pays). Points count in proportion, not only whole points.
 * <p><b>Total.</b> Class term + change term, its size capped at {@code maxAmountCny}.
 */
final class ClassStepCalculator implements CompensationCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Agreement agreement;
    private final ClassStepScheme scheme;

    ClassStepCalculator(Agreement agreement, ClassStepScheme scheme) {
        this.agreement = agreement;
        this.scheme = scheme;
    }

    @Override
    public CompensationOutcome calculate(SettlementBasis basis) {
        SectionPeriod sp = Settling.sectionPeriod(agreement, basis);
        Section section = sp.section();
        PeriodAccumulator data = sp.data();
        List<String> factors = classFactors(data);
        Map<WaterItem, Double> values = new EnumMap<>(WaterItem.class);
        Map<String, BigDecimal> means = new TreeMap<>();
        List<FactorLine> lines = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> missingZh = new ArrayList<>();
        int minHours = Integer.MAX_VALUE;
        for (String param : factors) {
            FactorTotals t = data.factor(param);
            minHours = Math.min(minHours, t.validHours());
            BigDecimal baselineLimit = limitOrNull(param, section);
            Optional<BigDecimal> mean = t.meanMgL();
            if (mean.isEmpty()) {
                missing.add(param);
                missingZh.add(Wording.paramZh(param));
                lines.add(new FactorLine(param, null, baselineLimit, 0, null));
                continue;
            }
            means.put(param, mean.get());
            values.put(WaterItem.fromCode(param).orElseThrow(), mean.get().doubleValue());
            lines.add(new FactorLine(param, mean.get(), baselineLimit, t.validHours(), null));
        }
        if (factors.isEmpty()) {
            // nothing measured at all: the factors an automatic station must provide are what is missing
            minHours = 0;
            SurfaceWaterStandard.REALTIME_FACTORS.forEach(p -> {
                missing.add(p.code());
                missingZh.add(Wording.paramZh(p.code()));
            });
        }
        Optional<WaterEvaluation> evaluation = SurfaceWaterStandard.evaluate(WaterRule.PERIOD, values,
                section.waterbody());
        String head = "断面" + section.name() + "（" + section.id() + "）" + data.period();
        String headEn = "Section " + section.name() + " (" + section.id() + ") in " + data.period();
        StringBuilder zh = new StringBuilder(head);
        StringBuilder en = new StringBuilder(headEn);
        WaterClass waterClass = evaluation.map(WaterEvaluation::waterClass).orElse(null);
        BigDecimal signed = BigDecimal.ZERO.setScale(Cny.SCALE);
        if (waterClass == null) {
            zh.append("无可评价的均值，不评类别");
            en.append(" had no mean to classify");
        } else {
            int steps = waterClass.number() - scheme.baselineClass().number();
            signed = scheme.amountPerClassCny().multiply(BigDecimal.valueOf(steps));
            String limiting = String.join("、", evaluation.get().limiting().stream()
                    .map(i -> Wording.paramZh(i.code())).toList());
            String limitingEn = String.join(", ", evaluation.get().limiting().stream()
                    .map(i -> Wording.paramEn(i.code())).toList());
            zh.append("均值按GB 3838单因子评价为").append(waterClass.label()).append("类（").append(limiting)
                    .append("），基准").append(scheme.baselineClass().label()).append("类，");
            en.append(" was class ").append(waterClass.label()).append(" by the GB 3838 single-factor method on its means (")
                    .append(limitingEn).append(") against a class ").append(scheme.baselineClass().label())
                    .append(" baseline: ");
            if (steps == 0) {
                zh.append("类别项为¥0.00");
                en.append("class term ¥0.00");
            } else {
                zh.append(steps > 0 ? "差" : "好").append(Math.abs(steps)).append("类×")
                        .append(Wording.yuan(scheme.amountPerClassCny())).append("=").append(Wording.yuan(signed.abs()));
                en.append(Math.abs(steps)).append(Math.abs(steps) == 1 ? " class " : " classes ")
                        .append(steps > 0 ? "worse" : "better").append(" × ")
                        .append(Wording.yuan(scheme.amountPerClassCny())).append(" = ").append(Wording.yuan(signed.abs()));
            }
        }
        BigDecimal index = null;
        if (scheme.indexChange() != null) {
            ClassStepScheme.IndexChange change = scheme.indexChange();
            BigDecimal sum = BigDecimal.ZERO;
            boolean complete = true;
            for (String param : change.factors()) {
                FactorTotals t = data.factor(param);
                minHours = Math.min(minHours, t.validHours());
                if (t.meanMgL().isEmpty()) {
                    complete = false;
                    if (!missing.contains(param)) {
                        missing.add(param);
                        missingZh.add(Wording.paramZh(param));
                    }
                    continue;
                }
                means.put(param, t.meanMgL().get());
                BigDecimal limit = Targets.limitMgL(param, scheme.baselineClass(), section);
                sum = sum.add(t.meanMgL().get().divide(limit, FactorTotals.MEANS));
            }
            if (complete) {
                index = sum.divide(BigDecimal.valueOf(change.factors().size()), FactorTotals.MEANS)
                        .setScale(LedgerInputs.INDEX_SCALE, RoundingMode.HALF_UP);
                String factorsZh = String.join("、", change.factors().stream().map(Wording::paramZh).toList());
                zh.append("；").append(factorsZh).append("指数").append(Wording.number(index));
                en.append("; the ").append(String.join("/", change.factors().stream().map(Wording::paramEn).toList()))
                        .append(" index was ").append(Wording.number(index));
                if (sp.priorIndex() == null) {
                    zh.append("，无上期指数，不计变化项");
                    en.append(", with no prior index there is no change term");
                } else if (sp.priorIndex().signum() == 0) {
                    zh.append("，上期指数为0，无法计算变化比例，不计变化项");
                    en.append(", the prior index was 0, so there is no relative change and no change term");
                } else {
                    BigDecimal prior = sp.priorIndex();
                    BigDecimal points = index.subtract(prior).multiply(HUNDRED).divide(prior, FactorTotals.MEANS);
                    BigDecimal term = Cny.round(points.multiply(change.amountPerPointCny()));
                    boolean capped = change.capCny() != null && term.abs().compareTo(change.capCny()) > 0;
                    if (capped) {
                        term = term.signum() > 0 ? change.capCny() : change.capCny().negate();
                    }
                    signed = signed.add(term);
                    zh.append("，较上期").append(Wording.number(prior)).append(points.signum() > 0 ? "上升" : "下降")
                            .append(Wording.number(points.abs())).append("个百分点×")
                            .append(Wording.yuan(change.amountPerPointCny())).append("=")
                            .append(Wording.yuan(term.abs())).append(capped ? "（已按上限封顶）" : "");
                    en.append(", ").append(points.signum() > 0 ? "up " : "down ").append(Wording.number(points.abs()))
                            .append(" percentage points from ").append(Wording.number(prior)).append(" × ")
                            .append(Wording.yuan(change.amountPerPointCny())).append(" = ")
                            .append(Wording.yuan(term.abs())).append(capped ? " (capped)" : "");
                }
            } else {
                zh.append("；指数因子缺测，不计变化项");
                en.append("; an index factor has no valid data, so there is no change term");
            }
        }
        if (scheme.maxAmountCny() != null && signed.abs().compareTo(scheme.maxAmountCny()) > 0) {
            signed = signed.signum() > 0 ? scheme.maxAmountCny() : scheme.maxAmountCny().negate();
            zh.append("；合计按上限").append(Wording.yuan(scheme.maxAmountCny())).append("封顶");
            en.append("; the total is capped at ").append(Wording.yuan(scheme.maxAmountCny()));
        }
        double completeness = data.completeness(minHours);
        return Settling.outcome(agreement, section.id(), data.period(), signed, lines, completeness,
                Settling.inputs(means, null, minHours, completeness, waterClass, index),
                missing, missingZh, new Settling.Words(zh.toString(), en.toString()));
    }

    /** The configured factors, else every item of the period rule that the period measured. */
    private List<String> classFactors(PeriodAccumulator data) {
        if (scheme.factors() != null) {
            return scheme.factors();
        }
        return WaterRule.PERIOD.evaluated().stream().map(WaterItem::code)
                .filter(code -> data.factor(code).validHours() > 0).toList();
    }

    /** The Table 1 limit of the baseline class, for the factor line; none for pH (a range, not a limit). */
    private BigDecimal limitOrNull(String param, Section section) {
        return WaterItem.fromCode(param).orElseThrow() == WaterItem.PH ? null
                : Targets.limitMgL(param, scheme.baselineClass(), section);
    }
}
