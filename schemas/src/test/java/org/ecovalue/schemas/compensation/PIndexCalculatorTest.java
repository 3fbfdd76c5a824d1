package org.ecovalue.schemas.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecovalue.schemas.compensation.Fixtures.DOWNSTREAM;
import static org.ecovalue.schemas.compensation.Fixtures.UPSTREAM;
import static org.ecovalue.schemas.compensation.Fixtures.cny;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.registry.scheme.PIndexScheme;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.junit.jupiter.api.Test;

/**
 * Xin'an P index, round-1 parameters (K0 0.85, k_i 0.25, ¥100 m) with the baselines C_i0 CODMn 1.92,
 * NH3-N 0.11, TN 1.12, TP 0.025 mg/L. The year 2026 has 365 × 24 = 8760 hours.
 */
class PIndexCalculatorTest {

    private static final Section SECTION = Fixtures.section(WaterClass.III);

    private static Agreement agreement(double k0) {
        return Fixtures.agreement(new PIndexScheme(k0, List.of(
                new PIndexScheme.Factor("codmn", 0.25, 1.92),
                new PIndexScheme.Factor("nh3n", 0.25, 0.11),
                new PIndexScheme.Factor("tn", 0.25, 1.12),
                new PIndexScheme.Factor("tp", 0.25, 0.025)), 1.0, new BigDecimal("100000000")),
                PeriodKind.YEAR, 0.8, null);
    }

    private static CompensationOutcome settle(Agreement a, PeriodAccumulator data) {
        return CompensationCalculator.of(a).calculate(new SectionPeriod(SECTION, data));
    }

    @Test
    void pAtMostOneMeansTheDownstreamProvincePaysTheAgreedAmount() {
        // CODMn: 4380 h at 2.0 and 4380 h at 2.8 → arithmetic mean 2.4 (flow, heavier in the second half, does
        // not weigh: P compares concentrations). Ratios C/C0: CODMn 2.4/1.92 = 1.25, NH3-N 0.11/0.11 = 1,
        // TN 1.4/1.12 = 1.25, TP 0.02/0.025 = 0.8. Σ k·C/C0 = 0.25 × (1.25 + 1 + 1.25 + 0.8) = 0.25 × 4.3 = 1.075
        // P = 0.85 × 1.075 = 0.91375 ≤ 1 → Zhejiang (downstream) pays Anhui ¥100,000,000.00
        Agreement a = agreement(0.85);
        PeriodAccumulator data = PeriodAccumulator.empty(a, "2026");
        data = Fixtures.feed(data, data.start(), 4380, Map.of("codmn", 2.0, "nh3n", 0.11, "tn", 1.4, "tp", 0.02), 1.0e6);
        data = Fixtures.feed(data, data.start().plusSeconds(3600L * 4380), 4380,
                Map.of("codmn", 2.8, "nh3n", 0.11, "tn", 1.4, "tp", 0.02), 3.0e6);

        CompensationOutcome o = settle(a, data);

        assertThat(o.inputs().meansMgL()).containsEntry("codmn", new BigDecimal("2.40000"));
        assertThat(o.inputs().index()).isEqualTo(new BigDecimal("0.9138")); // 0.91375 HALF_UP to 4 decimals
        assertThat(o.direction()).isEqualTo(Direction.DOWNSTREAM_PAYS);
        assertThat(o.payer()).isEqualTo(DOWNSTREAM);
        assertThat(o.payee()).isEqualTo(UPSTREAM);
        assertThat(o.amountCny()).isEqualTo(cny("100000000.00"));
        assertThat(o.inputs().completeness()).isEqualTo(new BigDecimal("1.0000"));
        assertThat(o.inputs().validHours()).isEqualTo(8760);
        assertThat(o.belowMinCompleteness()).isFalse();
        assertThat(o.explanationZh()).contains("P=K0×Σkᵢ·Cᵢ/Cᵢ₀=0.85×1.075=0.9138≤1，达到基准");
    }

    @Test
    void pAboveOneMeansTheUpstreamProvincePays() {
        // TP 0.04/0.025 = 1.6: Σ = 0.25 × (1.25 + 1 + 1.25 + 1.6) = 0.25 × 5.1 = 1.275; P = 0.85 × 1.275 = 1.08375 > 1
        Agreement a = agreement(0.85);
        PeriodAccumulator data = Fixtures.feed(a, "2026", 8760, Map.of("codmn", 2.4, "nh3n", 0.11, "tn", 1.4, "tp", 0.04), 1.0);

        CompensationOutcome o = settle(a, data);

        assertThat(o.inputs().index()).isEqualTo(new BigDecimal("1.0838")); // 1.08375 HALF_UP
        assertThat(o.direction()).isEqualTo(Direction.UPSTREAM_PAYS);
        assertThat(o.payer()).isEqualTo(UPSTREAM);
        assertThat(o.amountCny()).isEqualTo(cny("100000000.00"));
    }

    @Test
    void pExactlyAtTheThresholdMeetsTheBaseline() {
        // every ratio 1.25 (2.4/1.92, 0.1375/0.11, 1.4/1.12, 0.03125/0.025): Σ = 1.25; K0 0.8 → P = 1.000 ≤ 1
        Agreement a = agreement(0.8);
        PeriodAccumulator data = Fixtures.feed(a, "2026", 8760,
                Map.of("codmn", 2.4, "nh3n", 0.1375, "tn", 1.4, "tp", 0.03125), 1.0);

        CompensationOutcome o = settle(a, data);

        assertThat(o.inputs().index()).isEqualTo(new BigDecimal("1.0000"));
        assertThat(o.direction()).isEqualTo(Direction.DOWNSTREAM_PAYS);
    }

    @Test
    void withAFactorMissingThereIsNoPAndNobodyPays() {
        // TN never measured: P = K0 × Σ over four terms cannot be formed; a TN of 0 would be a guess
        Agreement a = agreement(0.85);
        PeriodAccumulator data = Fixtures.feed(a, "2026", 8760, Map.of("codmn", 2.4, "nh3n", 0.11, "tp", 0.02), 1.0);

        CompensationOutcome o = settle(a, data);

        assertThat(o.missingFactors()).containsExactly("tn");
        assertThat(o.inputs().index()).isNull();
        assertThat(o.direction()).isEqualTo(Direction.NONE);
        assertThat(o.amountCny()).isEqualTo(cny("0.00"));
        assertThat(o.belowMinCompleteness()).isTrue();
        assertThat(o.explanationZh()).contains("无法计算P").contains("无有效数据：总氮");
    }

    @Test
    void aYearWithTooFewHoursIsSettledAndMarked() {
        // 1000 of 8760 h: completeness 0.1142 < 0.8; P as in the first case (all TP 0.02) → 0.91375
        Agreement a = agreement(0.85);
        PeriodAccumulator data = Fixtures.feed(a, "2026", 1000, Map.of("codmn", 2.4, "nh3n", 0.11, "tn", 1.4, "tp", 0.02), null);

        CompensationOutcome o = settle(a, data);

        assertThat(o.inputs().completeness()).isEqualTo(new BigDecimal("0.1142"));
        assertThat(o.belowMinCompleteness()).isTrue();
        assertThat(o.amountCny()).isEqualTo(cny("100000000.00"));
        assertThat(o.direction()).isEqualTo(Direction.DOWNSTREAM_PAYS);
    }
}
