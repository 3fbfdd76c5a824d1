package org.ecovalue.schemas.standards.water;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecovalue.schemas.observation.Parameter;

/**
 * GB 3838-2002 single-factor classification (单因子评价法): a reading or a period mean takes the
 * worst class of the items its {@link WaterRule} evaluates; above class V it is 劣V (REFERENCE.md
 * §1.2). Per-item classes come from {@link Gb3838Table1}.
 *
 * <p>{@link #realtime} is the rule CNEMC uses for the real-time class of an automatic station
 * (REFERENCE.md §1.4): worst single-factor class over pH, DO, CODMn, NH3-N and TP only, TP with the
 * lake/reservoir limits at lake sites, limits inclusive, missing factors skipped.
 */
public final class SurfaceWaterStandard {

    /** Factors of the real-time class, REFERENCE.md §1.4. */
    public static final List<Parameter> REALTIME_FACTORS =
            List.of(Parameter.PH, Parameter.DO, Parameter.CODMN, Parameter.NH3N, Parameter.TP);

    /**
     * Main pollutants are listed only for a section worse than class III, at most three, and never
     * water temperature, pH or DO, which have no exceedance multiple (《地表水环境质量评价办法（试行）》,
     * REFERENCE.md §1.3).
     */
    public static final int MAX_MAIN_POLLUTANTS = 3;

    private static final List<WaterItem> NO_EXCEEDANCE_MULTIPLE =
            List.of(WaterItem.WATER_TEMP, WaterItem.PH, WaterItem.DO);

    private SurfaceWaterStandard() {
    }

    /**
     * The real-time class of one reading set, or empty when none of the five factors is present.
     */
    public static Optional<WaterAssessment> realtime(Map<Parameter, Double> values, WaterBody body) {
        Map<WaterItem, Double> items = new EnumMap<>(WaterItem.class);
        values.forEach((p, v) -> {
            if (v != null) {
                WaterItem.of(p).ifPresent(item -> items.put(item, v));
            }
        });
        return evaluate(WaterRule.REALTIME, items, body).map(e -> new WaterAssessment(
                e.waterClass(),
                e.limiting().stream().map(item -> item.parameter().orElseThrow()).toList(),
                e.standard()));
    }

    /** The class of a section's period means (21 items, REFERENCE.md §1.3), or empty if none is present. */
    public static Optional<WaterEvaluation> period(Map<WaterItem, Double> means, WaterBody body) {
        return evaluate(WaterRule.PERIOD, means, body);
    }

    /**
     * The class of a set of values under a rule. Items the rule does not evaluate are ignored, except
     * its reference items, which are graded apart (TN only for lakes and reservoirs; water temperature
     * has no class). Empty when none of the evaluated items has a value.
     */
    public static Optional<WaterEvaluation> evaluate(WaterRule rule, Map<WaterItem, Double> values, WaterBody body) {
        Map<WaterItem, WaterClass> classes = new EnumMap<>(WaterItem.class);
        WaterClass worst = null;
        List<WaterItem> limiting = new ArrayList<>();
        for (WaterItem item : rule.evaluated()) {
            Double v = values.get(item);
            if (v == null) {
                continue;
            }
            WaterClass c = Gb3838Table1.classOf(item, v, body);
            classes.put(item, c);
            if (worst == null || c.isWorseThan(worst)) {
                worst = c;
                limiting.clear();
                limiting.add(item);
            } else if (c == worst) {
                limiting.add(item);
            }
        }
        if (worst == null) {
            return Optional.empty();
        }
        Map<WaterItem, WaterClass> reference = new EnumMap<>(WaterItem.class);
        for (WaterItem item : rule.reference()) {
            Double v = values.get(item);
            ClassLimits limits = Gb3838Table1.limits(item, body);
            boolean graded = limits.isGraded() && (item != WaterItem.TN || body == WaterBody.LAKE);
            if (v != null && graded) {
                reference.put(item, limits.classOf(v));
            }
        }
        List<MainPollutant> main = mainPollutants(worst, values, classes, body);
        return Optional.of(new WaterEvaluation(worst, limiting, classes, main, reference, rule, body,
                WaterAssessment.GB3838_2002));
    }

    /** The class of one value of one item: Table 1, limits inclusive, shared limits to the better class. */
    public static WaterClass classOf(WaterItem item, double value, WaterBody body) {
        return Gb3838Table1.classOf(item, value, body);
    }

    /**
     * Main pollutants: only when the class is worse than III; the evaluated items worse than class III
     * other than water temperature, pH and DO, by exceedance multiple (C − C_III)/C_III, largest first
     * (Table 1 order on a tie), at most three.
     */
    static List<MainPollutant> mainPollutants(WaterClass sectionClass, Map<WaterItem, Double> values,
            Map<WaterItem, WaterClass> classes, WaterBody body) {
        if (!sectionClass.isWorseThan(WaterClass.III)) {
            return List.of();
        }
        List<MainPollutant> candidates = new ArrayList<>();
        classes.forEach((item, c) -> {
            if (c.isWorseThan(WaterClass.III) && !NO_EXCEEDANCE_MULTIPLE.contains(item)) {
                double c3 = Gb3838Table1.limits(item, body).limitOf(WaterClass.III).orElseThrow();
                double v = values.get(item);
                candidates.add(new MainPollutant(item, v, c3, exceedanceMultiple(v, c3)));
            }
        });
        candidates.sort(Comparator.comparingDouble(MainPollutant::exceedanceMultiple).reversed()
                .thenComparing(MainPollutant::item));
        return List.copyOf(candidates.subList(0, Math.min(MAX_MAIN_POLLUTANTS, candidates.size())));
    }

    /**
     * (C − C_III) / C_III in decimals: the inputs are decimal readings and limits, and binary noise
     * would otherwise turn 1.5 into 1.4999999999999998 and break ties in the ranking.
     */
    static double exceedanceMultiple(double concentration, double classIIILimit) {
        BigDecimal c3 = BigDecimal.valueOf(classIIILimit);
        return BigDecimal.valueOf(concentration).subtract(c3).divide(c3, MathContext.DECIMAL64).doubleValue();
    }
}
