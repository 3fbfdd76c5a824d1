package org.ecovalue.schemas.compensation;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.ecovalue.schemas.registry.scheme.FluxScheme;
import org.ecovalue.schemas.standards.water.WaterBody;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.junit.jupiter.api.Test;

/**
 * Jiangsu flux pricing. April 2026 has 30 × 24 = 720 expected hours. Most cases feed 650 hours of
 * 400,000 m³ each: Σ V = 650 × 4×10⁵ = 2.6×10⁸ m³, completeness 650/720 = 0.9028.
 */
class FluxCalculatorTest {

    private static final Section CLASS_III = Fixtures.section(WaterClass.III);
    private static final Section CLASS_II = Fixtures.section(WaterClass.II);

    private static FluxScheme.Factor factor(String param, String price, Double target) {
        return new FluxScheme.Factor(param, new BigDecimal(price), target);
    }

    private static Agreement agreement(boolean twoWay, Map<String, BigDecimal> shares, FluxScheme.Factor... factors) {
        return Fixtures.agreement(new FluxScheme(List.of(factors), twoWay), PeriodKind.MONTH, 0.75, shares);
    }

    private static CompensationOutcome settle(Agreement a, Section s, PeriodAccumulator data) {
        return CompensationCalculator.of(a).calculate(new SectionPeriod(s, data));
    }

    @Test
    void nh3nAboveTheClassIIITargetCostsTheUpstreamUnitItsExcessLoad() {
        // NH3-N 1.21 mg/L against the class III limit 1.0 mg/L (GB 3838 Table 1) over 2.6×10⁸ m³:
        // 0.21 g/m³ × 2.6×10⁸ m³ = 5.46×10⁷ g = 54.6 t; 54.6 t × ¥100,000/t = ¥5,460,000.00
        Agreement a = agreement(true, null, factor("nh3n", "100000", null));
        PeriodAccumulator data = Fixtures.feed(a, "2026-04", 650, Map.of("nh3n", 1.21), 4.0e5);

        CompensationOutcome o = settle(a, CLASS_III, data);

        assertThat(o.direction()).isEqualTo(Direction.UPSTREAM_PAYS);
        assertThat(o.payer()).isEqualTo(UPSTREAM);
        assertThat(o.payee()).isEqualTo(DOWNSTREAM);
        assertThat(o.amountCny()).isEqualTo(cny("5460000.00"));
        assertThat(o.payerLines()).containsExactly(new PayerLine(UPSTREAM, BigDecimal.ONE, cny("5460000.00")));
        assertThat(o.factorLines()).containsExactly(new FactorLine("nh3n", new BigDecimal("1.21"),
                new BigDecimal("1.0"), 650, cny("5460000.00")));
        assertThat(o.inputs().meansMgL()).containsEntry("nh3n", new BigDecimal("1.21000"));
        assertThat(o.inputs().volumeM3()).isEqualTo(new BigDecimal("260000000"));
        assertThat(o.inputs().validHours()).isEqualTo(650);
        assertThat(o.inputs().completeness()).isEqualTo(new BigDecimal("0.9028"));
        assertThat(o.belowMinCompleteness()).isFalse();
        assertThat(o.missingFactors()).isEmpty();
        assertThat(o.explanationZh()).isEqualTo("断面清溪口（QX-S01）2026-04：氨氮流量加权均值1.21 mg/L（III类目标1.0 mg/L），"
                + "过境水量2.6×10⁸ m³，超标负荷54.6 t×¥100,000.00/t=¥5,460,000.00；双向补偿合计¥5,460,000.00，"
                + "由上游390121向下游390122支付¥5,460,000.00（数据完整率90.3%）。");
        assertThat(o.explanationEn()).startsWith("Section 清溪口 (QX-S01) in 2026-04 averaged NH3-N 1.21 mg/L "
                + "(flow-weighted) against a class III target of 1.0 mg/L over 2.6×10⁸ m³: 54.6 t above target");
    }

    @Test
    void aFigureBelowTheMinimumCompletenessIsComputedAndMarked() {
        // 520 h × 5×10⁵ m³ = 2.6×10⁸ m³: the same ¥5,460,000.00, but 520/720 = 0.7222 < 0.75
        Agreement a = agreement(true, null, factor("nh3n", "100000", null));
        PeriodAccumulator data = Fixtures.feed(a, "2026-04", 520, Map.of("nh3n", 1.21), 5.0e5);

        CompensationOutcome o = settle(a, CLASS_III, data);

        assertThat(o.amountCny()).isEqualTo(cny("5460000.00"));
        assertThat(o.belowMinCompleteness()).isTrue();
        assertThat(o.inputs().completeness()).isEqualTo(new BigDecimal("0.7222"));
        assertThat(o.explanationZh()).endsWith("（数据完整率72.2%，低于协议最低75.0%，已标记）。");
        assertThat(o.explanationEn()).endsWith("(data completeness 72.2%, below the agreed minimum of 75.0%, marked).");
    }

    @Test
    void twoWayABetterFactorOffsetsAWorseOneAndDownstreamPaysTheBalanceSplitByShares() {
        // class II targets (Table 1): CODMn 4, NH3-N 0.5, TP 0.1 mg/L; Σ V = 2.6×10⁸ m³
        // CODMn 3.0: (3.0 − 4) × 2.6×10⁸ = −2.6×10⁸ g = −260 t × ¥15,000/t  = −¥3,900,000.00
        // NH3-N 0.5: exactly at target                                        =  ¥0.00
        // TP 0.12:   0.02 × 2.6×10⁸ = 5.2×10⁶ g = 5.2 t × ¥100,000/t          = +¥520,000.00
        // total −¥3,380,000.00: downstream pays upstream; 0.6 → ¥2,028,000.00, 0.4 → ¥1,352,000.00
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        shares.put(DOWNSTREAM, new BigDecimal("0.6"));
        shares.put("390100", new BigDecimal("0.4"));
        Agreement a = agreement(true, shares, factor("codmn", "15000", null), factor("nh3n", "100000", null),
                factor("tp", "100000", null));
        PeriodAccumulator data = Fixtures.feed(a, "2026-04", 650, Map.of("codmn", 3.0, "nh3n", 0.5, "tp", 0.12), 4.0e5);

        CompensationOutcome o = settle(a, CLASS_II, data);

        assertThat(o.factorLines()).extracting(FactorLine::signedAmountCny)
                .containsExactly(cny("-3900000.00"), cny("0.00"), cny("520000.00"));
        assertThat(o.direction()).isEqualTo(Direction.DOWNSTREAM_PAYS);
        assertThat(o.payer()).isEqualTo(DOWNSTREAM);
        assertThat(o.payee()).isEqualTo(UPSTREAM);
        assertThat(o.amountCny()).isEqualTo(cny("3380000.00"));
        assertThat(o.signedAmountCny()).isEqualTo(cny("-3380000.00"));
        assertThat(o.payerLines()).extracting(PayerLine::party, PayerLine::amountCny).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DOWNSTREAM, cny("2028000.00")),
                org.assertj.core.groups.Tuple.tuple("390100", cny("1352000.00")));
    }

    @Test
    void oneWayOnlyTheExceedanceIsPaid() {
        // same data as the two-way case: CODMn better than target counts ¥0.00, TP +¥520,000.00
        Agreement a = agreement(false, null, factor("codmn", "15000", null), factor("nh3n", "100000", null),
                factor("tp", "100000", null));
        PeriodAccumulator data = Fixtures.feed(a, "2026-04", 650, Map.of("codmn", 3.0, "nh3n", 0.5, "tp", 0.12), 4.0e5);

        CompensationOutcome o = settle(a, CLASS_II, data);

        assertThat(o.factorLines()).extracting(FactorLine::signedAmountCny)
                .containsExactly(cny("0.00"), cny("0.00"), cny("520000.00"));
        assertThat(o.direction()).isEqualTo(Direction.UPSTREAM_PAYS);
        assertThat(o.amountCny()).isEqualTo(cny("520000.00"));
    }

    @Test
    void exactlyAtTargetNobodyPays() {
        // 1.0 mg/L against 1.0 mg/L: Σ C·V − C_target × Σ V = 2.6×10⁸ − 2.6×10⁸ = 0 g, exactly (decimal sums)
        Agreement a = agreement(true, null, factor("nh3n", "100000", null));
        PeriodAccumulator data = Fixtures.feed(a, "2026-04", 650, Map.of("nh3n", 1.0), 4.0e5);

        CompensationOutcome o = settle(a, CLASS_III, data);

        assertThat(o.direction()).isEqualTo(Direction.NONE);
        assertThat(o.amountCny()).isEqualTo(cny("0.00"));
        assertThat(o.payer()).isNull();
        assertThat(o.payee()).isNull();
        assertThat(o.payerLines()).isEmpty();
        assertThat(o.explanationZh()).contains("双方互不支付");
    }

    @Test
    void zeroFlowCarriesNoLoadAndCostsNothing() {
        // 1.21 mg/L but 0 m³ crossed: 0.21 g/m³ × 0 m³ = 0 t; the arithmetic mean is reported (no flow weights)
        Agreement a = agreement(true, null, factor("nh3n", "100000", null));
        PeriodAccumulator data = Fixtures.feed(a, "2026-04", 650, Map.of("nh3n", 1.21), 0.0);

        CompensationOutcome o = settle(a, CLASS_III, data);

        assertThat(o.direction()).isEqualTo(Direction.NONE);
        assertThat(o.amountCny()).isEqualTo(cny("0.00"));
        assertThat(o.inputs().volumeM3()).isEqualTo(new BigDecimal("0"));
        assertThat(o.inputs().meansMgL()).containsEntry("nh3n", new BigDecimal("1.21000"));
        assertThat(o.missingFactors()).isEmpty();
    }

    @Test
    void aFactorNeverMeasuredIsMarkedNotGuessed() {
        // TP has no valid hour: its line has no mean, it adds nothing, completeness is 0/720 → marked.
        // NH3-N still prices as in the first case: ¥5,460,000.00
        Agreement a = agreement(true, null, factor("nh3n", "100000", null), factor("tp", "100000", null));
        PeriodAccumulator data = Fixtures.feed(a, "2026-04", 650, Map.of("nh3n", 1.21), 4.0e5);

        CompensationOutcome o = settle(a, CLASS_III, data);

        assertThat(o.missingFactors()).containsExactly("tp");
        assertThat(o.factorLines().get(1).missing()).isTrue();
        assertThat(o.amountCny()).isEqualTo(cny("5460000.00"));
        assertThat(o.inputs().completeness()).isEqualTo(new BigDecimal("0.0000"));
        assertThat(o.inputs().validHours()).isZero();
        assertThat(o.inputs().meansMgL()).containsOnlyKeys("nh3n");
        assertThat(o.belowMinCompleteness()).isTrue();
        assertThat(o.explanationZh()).contains("无有效数据：总磷");
    }

    @Test
    void withoutAnyFlowDataTheFlowIsMarkedMissing() {
        Agreement a = agreement(true, null, factor("nh3n", "100000", null));
        PeriodAccumulator data = Fixtures.feed(a, "2026-04", 650, Map.of("nh3n", 1.21), null);

        CompensationOutcome o = settle(a, CLASS_III, data);

        assertThat(o.missingFactors()).containsExactly("flow");
        assertThat(o.amountCny()).isEqualTo(cny("0.00"));
        // the concentration was measured: its arithmetic mean is reported, but no hour could be priced
        assertThat(o.factorLines()).containsExactly(new FactorLine("nh3n", new BigDecimal("1.21"), new BigDecimal("1.0"), 0, null));
        assertThat(o.inputs().meansMgL()).containsEntry("nh3n", new BigDecimal("1.21000"));
        assertThat(o.belowMinCompleteness()).isTrue();
    }

    @Test
    void theLoadIsFlowWeightedNotTheArithmeticMeanTimesVolume() {
        // hour 1: 2.0 mg/L × 1×10⁶ m³; hour 2: 1.0 mg/L × 3×10⁶ m³; target 1.0 (class III)
        // excess = (2.0 − 1.0) × 10⁶ + (1.0 − 1.0) × 3×10⁶ = 10⁶ g = 1 t × ¥100,000/t = ¥100,000.00
        // flow-weighted mean (2×10⁶ + 3×10⁶)/4×10⁶ = 1.25 mg/L; the arithmetic 1.5 would give 2 t, ¥200,000
        Agreement a = agreement(true, null, factor("nh3n", "100000", null));
        PeriodAccumulator data = PeriodAccumulator.empty(a, "2026-04");
        data = Fixtures.feed(data, data.start(), 1, Map.of("nh3n", 2.0), 1.0e6);
        data = Fixtures.feed(data, data.start().plusSeconds(3600), 1, Map.of("nh3n", 1.0), 3.0e6);

        CompensationOutcome o = settle(a, CLASS_III, data);

        assertThat(o.amountCny()).isEqualTo(cny("100000.00"));
        assertThat(o.factorLines().get(0).meanMgL()).isEqualByComparingTo("1.25");
    }

    @Test
    void eachFactorIsRoundedToTheFenThenSummed() {
        // NH3-N 1.00005 vs 1.0 over 1000 m³: 0.00005 × 1000 = 0.05 g = 5×10⁻⁸ t × ¥100,000/t = ¥0.005 → ¥0.01
        // TP    0.20005 vs 0.2 over 1000 m³: the same ¥0.005 → ¥0.01; section: ¥0.02 (not round(¥0.010) = ¥0.01)
        Agreement a = agreement(true, null, factor("nh3n", "100000", null), factor("tp", "100000", null));
        PeriodAccumulator data = Fixtures.feed(a, "2026-04", 1, Map.of("nh3n", 1.00005, "tp", 0.20005), 1000.0);

        CompensationOutcome o = settle(a, CLASS_III, data);

        assertThat(o.factorLines()).extracting(FactorLine::signedAmountCny).containsExactly(cny("0.01"), cny("0.01"));
        assertThat(o.amountCny()).isEqualTo(cny("0.02"));
    }

    @Test
    void anAgreedTargetOverridesTheClassLimit() {
        // target 1.1 set in the agreement: 0.11 g/m³ × 2.6×10⁸ m³ = 2.86×10⁷ g = 28.6 t × ¥100,000/t = ¥2,860,000.00
        Agreement a = agreement(true, null, factor("nh3n", "100000", 1.1));
        PeriodAccumulator data = Fixtures.feed(a, "2026-04", 650, Map.of("nh3n", 1.21), 4.0e5);

        assertThat(settle(a, CLASS_III, data).amountCny()).isEqualTo(cny("2860000.00"));
    }

    @Test
    void aLakeSectionUsesTheLakeTpLimit() {
        // lake/reservoir TP class III limit 0.05 (river: 0.2): 0.01 g/m³ × 2.6×10⁸ m³ = 2.6 t × ¥100,000/t = ¥260,000.00
        Agreement a = agreement(true, null, factor("tp", "100000", null));
        PeriodAccumulator data = Fixtures.feed(a, "2026-04", 650, Map.of("tp", 0.06), 4.0e5);

        CompensationOutcome o = settle(a, Fixtures.section(WaterClass.III, WaterBody.LAKE), data);

        assertThat(o.factorLines().get(0).targetMgL()).isEqualByComparingTo("0.05");
        assertThat(o.amountCny()).isEqualTo(cny("260000.00"));
    }

    @Test
    void theHourAtLocalMidnightOfFirstAprilCountsForApril() {
        // 2026-03-31T16:00Z is 00:00 on 1 April in Asia/Shanghai: one hour of 1.21 mg/L × 4×10⁵ m³
        // 0.21 × 4×10⁵ = 84,000 g = 0.084 t × ¥100,000/t = ¥8,400.00 in April
        Agreement a = agreement(true, null, factor("nh3n", "100000", null));
        java.time.Instant midnight = java.time.Instant.parse("2026-03-31T16:00:00Z");
        PeriodAccumulator april = PeriodAccumulator.containing(a, midnight)
                .withHour(new SectionHour(midnight, Map.of("nh3n", 1.21), 4.0e5));

        CompensationOutcome o = settle(a, CLASS_III, april);

        assertThat(o.period()).isEqualTo("2026-04");
        assertThat(o.amountCny()).isEqualTo(cny("8400.00"));
    }
}
