package org.ecovalue.schemas.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.ecovalue.schemas.compensation.Fixtures.DOWNSTREAM;
import static org.ecovalue.schemas.compensation.Fixtures.UPSTREAM;
import static org.ecovalue.schemas.compensation.Fixtures.cny;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.registry.scheme.ClassStepScheme;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.junit.jupiter.api.Test;

/**
 * Class steps against baseline III, ¥500,000 per class, at most ¥1,000,000 (deploy/config/default.yaml
 * QX-A02); the downstream side pays 0.6 / 0.4. Class III limits (GB 3838 Table 1): COD 20, NH3-N 1.0,
 * TP 0.2 (river), CODMn 6, DO ≥ 5 mg/L.
 */
class ClassStepCalculatorTest {

    private static final Section SECTION = Fixtures.section(WaterClass.III);
    private static final Map<String, Double> CLASS_III = Map.of("ph", 7.5, "do", 6.0, "codmn", 5.0, "nh3n", 0.8, "tp", 0.15);

    private static Map<String, BigDecimal> shares() {
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        shares.put(DOWNSTREAM, new BigDecimal("0.6"));
        shares.put("390100", new BigDecimal("0.4"));
        return shares;
    }

    private static Agreement agreement(ClassStepScheme scheme) {
        return agreement(scheme, PeriodKind.MONTH);
    }

    private static Agreement agreement(ClassStepScheme scheme, PeriodKind period) {
        return Fixtures.agreement(scheme, period, 0.75, shares());
    }

    private static final Agreement STEPS = agreement(new ClassStepScheme(WaterClass.III, new BigDecimal("500000"),
            new BigDecimal("1000000")));

    private static Map<String, Double> with(Map<String, Double> base, String param, double value) {
        Map<String, Double> m = new java.util.HashMap<>(base);
        m.put(param, value);
        return m;
    }

    private static CompensationOutcome settle(Agreement a, PeriodAccumulator data, BigDecimal priorIndex) {
        return CompensationCalculator.of(a).calculate(new SectionPeriod(SECTION, data, priorIndex));
    }

    @Test
    void aClassIVMonthCostsTheUpstreamUnitOneStep() {
        // NH3-N mean 1.2: 1.0 < 1.2 ≤ 1.5 → class IV, all else III or better → section IV; IV − III = 1 step × ¥500,000
        PeriodAccumulator data = Fixtures.feed(STEPS, "2026-04", 720, with(CLASS_III, "nh3n", 1.2), null);

        CompensationOutcome o = settle(STEPS, data, null);

        assertThat(o.inputs().waterClass()).isEqualTo(WaterClass.IV);
        assertThat(o.direction()).isEqualTo(Direction.UPSTREAM_PAYS);
        assertThat(o.payer()).isEqualTo(UPSTREAM);
        assertThat(o.payee()).isEqualTo(DOWNSTREAM);
        assertThat(o.amountCny()).isEqualTo(cny("500000.00"));
        // what the upstream party owes it pays alone: the payer shares split the downstream side only
        assertThat(o.payerLines()).extracting(PayerLine::party, PayerLine::amountCny)
                .containsExactly(tuple(UPSTREAM, cny("500000.00")));
        assertThat(o.explanationZh()).contains("均值按GB 3838单因子评价为IV类（氨氮），基准III类，差1类×¥500,000.00=¥500,000.00");
    }

    @Test
    void aClassIIMonthEarnsTheUpstreamUnitOneStepFromTheDownstreamPayers() {
        // CODMn 3.5 (II), NH3-N 0.4 (II), TP 0.08 (II), DO 7.0 (II), pH 7.5 (I) → class II, one better:
        // downstream side pays ¥500,000.00: 0.6 → ¥300,000.00, 0.4 → ¥200,000.00
        PeriodAccumulator data = Fixtures.feed(STEPS, "2026-04", 720,
                Map.of("ph", 7.5, "do", 7.0, "codmn", 3.5, "nh3n", 0.4, "tp", 0.08), null);

        CompensationOutcome o = settle(STEPS, data, null);

        assertThat(o.inputs().waterClass()).isEqualTo(WaterClass.II);
        assertThat(o.direction()).isEqualTo(Direction.DOWNSTREAM_PAYS);
        assertThat(o.payer()).isEqualTo(DOWNSTREAM);
        assertThat(o.payee()).isEqualTo(UPSTREAM);
        assertThat(o.payerLines()).extracting(PayerLine::party, PayerLine::amountCny)
                .containsExactly(tuple(DOWNSTREAM, cny("300000.00")), tuple("390100", cny("200000.00")));
    }

    @Test
    void atTheBaselineClassNobodyPays() {
        CompensationOutcome o = settle(STEPS, Fixtures.feed(STEPS, "2026-04", 720, CLASS_III, null), null);

        assertThat(o.inputs().waterClass()).isEqualTo(WaterClass.III);
        assertThat(o.direction()).isEqualTo(Direction.NONE);
        assertThat(o.amountCny()).isEqualTo(cny("0.00"));
    }

    @Test
    void worseThanVIsThreeStepsAndTheTotalIsCapped() {
        // NH3-N 2.5 > 2.0 → 劣V (number 6): 6 − 3 = 3 steps × ¥500,000 = ¥1,500,000 → capped at ¥1,000,000.00
        CompensationOutcome o = settle(STEPS, Fixtures.feed(STEPS, "2026-04", 720, with(CLASS_III, "nh3n", 2.5), null), null);

        assertThat(o.inputs().waterClass()).isEqualTo(WaterClass.WORSE_THAN_V);
        assertThat(o.amountCny()).isEqualTo(cny("1000000.00"));
        assertThat(o.explanationZh()).contains("差3类×¥500,000.00=¥1,500,000.00").contains("合计按上限¥1,000,000.00封顶");
    }

    @Test
    void theClassIsThatOfThePeriodMeanNotOfTheWorstHour() {
        // NH3-N 360 h at 1.6 (class V) and 360 h at 0.4 (class II): mean (1.6 + 0.4)/2 = 1.0 ≤ 1.0 → class III
        PeriodAccumulator data = PeriodAccumulator.empty(STEPS, "2026-04");
        data = Fixtures.feed(data, data.start(), 360, with(CLASS_III, "nh3n", 1.6), null);
        data = Fixtures.feed(data, data.start().plusSeconds(3600L * 360), 360, with(CLASS_III, "nh3n", 0.4), null);

        CompensationOutcome o = settle(STEPS, data, null);

        assertThat(o.inputs().meansMgL()).containsEntry("nh3n", new BigDecimal("1.00000"));
        assertThat(o.inputs().waterClass()).isEqualTo(WaterClass.III);
        assertThat(o.amountCny()).isEqualTo(cny("0.00"));
    }

    @Test
    void aMissingConfiguredFactorIsSkippedByTheStandardAndMarked() {
        // factors pH, DO, CODMn, NH3-N, TP configured; TP never measured: the class of the other four (IV by
        // NH3-N 1.2) decides, TP is marked and completeness is 0 → below the minimum
        Agreement a = agreement(new ClassStepScheme(WaterClass.III, new BigDecimal("500000"), null,
                List.of("ph", "do", "codmn", "nh3n", "tp"), null));
        Map<String, Double> noTp = new java.util.HashMap<>(with(CLASS_III, "nh3n", 1.2));
        noTp.remove("tp");

        CompensationOutcome o = settle(a, Fixtures.feed(a, "2026-04", 720, noTp, null), null);

        assertThat(o.inputs().waterClass()).isEqualTo(WaterClass.IV);
        assertThat(o.amountCny()).isEqualTo(cny("500000.00"));
        assertThat(o.missingFactors()).containsExactly("tp");
        assertThat(o.belowMinCompleteness()).isTrue();
    }

    @Test
    void aFullFebruary2028Has696ValidHours() {
        // 29 × 24 = 696 hours, all fed: completeness 696/696 = 1
        PeriodAccumulator data = Fixtures.feed(STEPS, "2028-02", 696, CLASS_III, null);

        CompensationOutcome o = settle(STEPS, data, null);

        assertThat(data.expectedHours()).isEqualTo(696);
        assertThat(o.inputs().validHours()).isEqualTo(696);
        assertThat(o.inputs().completeness()).isEqualTo(new BigDecimal("1.0000"));
        assertThat(o.belowMinCompleteness()).isFalse();
    }

    @Test
    void nothingMeasuredMeansNoClassAndTheStationFactorsMarkedMissing() {
        CompensationOutcome o = settle(STEPS, PeriodAccumulator.empty(STEPS, "2026-04"), null);

        assertThat(o.inputs().waterClass()).isNull();
        assertThat(o.direction()).isEqualTo(Direction.NONE);
        assertThat(o.missingFactors()).containsExactly("ph", "do", "codmn", "nh3n", "tp");
        assertThat(o.belowMinCompleteness()).isTrue();
    }

    /** Yellow River style, per year: ¥60 m per class, ¥1 m per index point, change term at most ¥40 m. */
    private static final Agreement WITH_CHANGE = agreement(new ClassStepScheme(WaterClass.III, new BigDecimal("60000000"),
            null, null, new ClassStepScheme.IndexChange(List.of("cod", "nh3n", "tp"), new BigDecimal("1000000"),
                    new BigDecimal("40000000"))), PeriodKind.YEAR);

    /** COD 18, NH3-N 0.9, TP 0.18: all class III; index = (18/20 + 0.9/1.0 + 0.18/0.2)/3 = (0.9 + 0.9 + 0.9)/3 = 0.9. */
    private static PeriodAccumulator indexPointNine() {
        return Fixtures.feed(WITH_CHANGE, "2026", 8760, Map.of("cod", 18.0, "nh3n", 0.9, "tp", 0.18), null);
    }

    @Test
    void anIndexFallOfTenPointsEarnsTheUpstreamUnitTenTimesTheAmountPerPoint() {
        // class III = baseline: class term ¥0. Index 0.9 vs prior 1.0: (0.9 − 1.0)/1.0 × 100 = −10 points
        // 10 × ¥1,000,000 = ¥10,000,000.00, under the ¥40 m cap; a fall: the downstream side pays (0.6/0.4)
        CompensationOutcome o = settle(WITH_CHANGE, indexPointNine(), new BigDecimal("1.0"));

        assertThat(o.inputs().waterClass()).isEqualTo(WaterClass.III);
        assertThat(o.inputs().index()).isEqualTo(new BigDecimal("0.9000"));
        assertThat(o.direction()).isEqualTo(Direction.DOWNSTREAM_PAYS);
        assertThat(o.amountCny()).isEqualTo(cny("10000000.00"));
        assertThat(o.payerLines()).extracting(PayerLine::amountCny).containsExactly(cny("6000000.00"), cny("4000000.00"));
        assertThat(o.explanationZh()).contains("较上期1下降10个百分点×¥1,000,000.00=¥10,000,000.00");
    }

    @Test
    void anIndexRiseIsCappedAtTheChangeTermsCap() {
        // prior 0.5: (0.9 − 0.5)/0.5 × 100 = +80 points × ¥1,000,000 = ¥80,000,000 → cap ¥40,000,000.00, upstream pays
        CompensationOutcome o = settle(WITH_CHANGE, indexPointNine(), new BigDecimal("0.5"));

        assertThat(o.direction()).isEqualTo(Direction.UPSTREAM_PAYS);
        assertThat(o.amountCny()).isEqualTo(cny("40000000.00"));
        assertThat(o.explanationZh()).contains("上升80个百分点").contains("已按上限封顶");
    }

    @Test
    void classAndChangeTermsAdd() {
        // NH3-N 1.2 → class IV: +1 step × ¥60,000,000. Index (0.9 + 1.2 + 0.9)/3 = 1.0; prior 1.25:
        // (1.0 − 1.25)/1.25 × 100 = −20 points × ¥1,000,000 = −¥20,000,000. Net +¥40,000,000.00: upstream pays
        PeriodAccumulator data = Fixtures.feed(WITH_CHANGE, "2026", 8760, Map.of("cod", 18.0, "nh3n", 1.2, "tp", 0.18), null);

        CompensationOutcome o = settle(WITH_CHANGE, data, new BigDecimal("1.25"));

        assertThat(o.inputs().waterClass()).isEqualTo(WaterClass.IV);
        assertThat(o.inputs().index()).isEqualTo(new BigDecimal("1.0000"));
        assertThat(o.direction()).isEqualTo(Direction.UPSTREAM_PAYS);
        assertThat(o.amountCny()).isEqualTo(cny("40000000.00"));
    }

    @Test
    void withoutAPriorIndexThereIsNoChangeTerm() {
        CompensationOutcome o = settle(WITH_CHANGE, indexPointNine(), null);

        assertThat(o.inputs().index()).isEqualTo(new BigDecimal("0.9000"));
        assertThat(o.direction()).isEqualTo(Direction.NONE);
        assertThat(o.explanationZh()).contains("无上期指数，不计变化项");
    }

    @Test
    void aPriorIndexOfZeroGivesNoRelativeChangeAndNoChangeTerm() {
        // very clean water rounds to an index of 0.0000; (I − 0)/0 has no value: class term only (III = baseline: ¥0)
        CompensationOutcome o = settle(WITH_CHANGE, indexPointNine(), new BigDecimal("0.0000"));

        assertThat(o.inputs().index()).isEqualTo(new BigDecimal("0.9000"));
        assertThat(o.direction()).isEqualTo(Direction.NONE);
        assertThat(o.amountCny()).isEqualTo(cny("0.00"));
        assertThat(o.explanationEn()).contains("the prior index was 0");
    }
}
