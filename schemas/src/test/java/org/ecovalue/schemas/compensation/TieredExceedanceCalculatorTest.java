package org.ecovalue.schemas.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecovalue.schemas.compensation.Fixtures.UPSTREAM;
import static org.ecovalue.schemas.compensation.Fixtures.cny;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.registry.scheme.TieredExceedanceScheme;
import org.ecovalue.schemas.registry.scheme.TieredExceedanceScheme.Aggregate;
import org.ecovalue.schemas.registry.scheme.TieredExceedanceScheme.Factor;
import org.ecovalue.schemas.registry.scheme.TieredExceedanceScheme.Tier;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.junit.jupiter.api.Test;

/**
 * Zhoukou tiers (REFERENCE.md §4.3): targets COD 40, NH3-N 2.0 mg/L; m ≤ 0.1 free; ≤ 0.5 ¥100k, ≤ 1.0
 * ¥250k, ≤ 1.5 ¥500k, ≤ 2.0 ¥1 m, above ¥2 m; each × (1 + m). m_i = (C − C_target)/C_target.
 */
class TieredExceedanceCalculatorTest {

    private static final List<Tier> ZHOUKOU = List.of(
            new Tier(0.5, new BigDecimal("100000")), new Tier(1.0, new BigDecimal("250000")),
            new Tier(1.5, new BigDecimal("500000")), new Tier(2.0, new BigDecimal("1000000")),
            new Tier(null, new BigDecimal("2000000")));

    private static Agreement agreement(Aggregate aggregate, boolean scale, Factor... factors) {
        return Fixtures.agreement(new TieredExceedanceScheme(List.of(factors), aggregate, 0.1, ZHOUKOU, scale),
                PeriodKind.MONTH, 0.75, null);
    }

    private static final Agreement MAX = agreement(Aggregate.MAX, true, new Factor("cod", 40.0), new Factor("nh3n", 2.0));

    private static CompensationOutcome settle(Agreement a, Map<String, Double> mgL) {
        PeriodAccumulator data = Fixtures.feed(a, "2026-04", 720, mgL, null);
        return CompensationCalculator.of(a).calculate(new SectionPeriod(Fixtures.section(WaterClass.III), data));
    }

    @Test
    void aMultipleOfPointThreeCostsTheFirstTierTimesOnePointThree() {
        // NH3-N 2.6: m = (2.6 − 2.0)/2.0 = 0.3; COD 30 is below 40: m = 0. max 0.3 → 0.1 < 0.3 ≤ 0.5
        // ¥100,000 × (1 + 0.3) = ¥130,000.00, the upstream unit pays
        CompensationOutcome o = settle(MAX, Map.of("cod", 30.0, "nh3n", 2.6));

        assertThat(o.inputs().index()).isEqualTo(new BigDecimal("0.3000"));
        assertThat(o.direction()).isEqualTo(Direction.UPSTREAM_PAYS);
        assertThat(o.payer()).isEqualTo(UPSTREAM);
        assertThat(o.amountCny()).isEqualTo(cny("130000.00"));
        assertThat(o.explanationZh()).contains("最大超标倍数m=0.3，适用档位≤0.5：¥100,000.00×(1+0.3)=¥130,000.00");
    }

    @Test
    void aMultipleExactlyAtTheMinimumCostsNothing() {
        // NH3-N 2.2: m = 0.2/2.0 = 0.1 exactly (decimal arithmetic), and m ≤ 0.1 is free
        CompensationOutcome o = settle(MAX, Map.of("cod", 30.0, "nh3n", 2.2));

        assertThat(o.inputs().index()).isEqualTo(new BigDecimal("0.1000"));
        assertThat(o.direction()).isEqualTo(Direction.NONE);
        assertThat(o.amountCny()).isEqualTo(cny("0.00"));
        assertThat(o.payer()).isNull();
    }

    @Test
    void exactlyAtTargetTheMultipleIsZero() {
        CompensationOutcome o = settle(MAX, Map.of("cod", 40.0, "nh3n", 2.0));

        assertThat(o.inputs().index()).isEqualTo(new BigDecimal("0.0000"));
        assertThat(o.direction()).isEqualTo(Direction.NONE);
    }

    @Test
    void aMultipleOnATierBoundaryBelongsToTheLowerTier() {
        // NH3-N 3.0: m = 1.0/2.0 = 0.5, "≤ 0.5" → first tier: ¥100,000 × 1.5 = ¥150,000.00
        assertThat(settle(MAX, Map.of("cod", 30.0, "nh3n", 3.0)).amountCny()).isEqualTo(cny("150000.00"));
        // NH3-N 3.5: m = 0.75 → second tier: ¥250,000 × 1.75 = ¥437,500.00
        assertThat(settle(MAX, Map.of("cod", 30.0, "nh3n", 3.5)).amountCny()).isEqualTo(cny("437500.00"));
    }

    @Test
    void aboveTheLastBoundTheOpenTierApplies() {
        // NH3-N 7.0: m = 5.0/2.0 = 2.5 > 2 → ¥2,000,000 × 3.5 = ¥7,000,000.00
        CompensationOutcome o = settle(MAX, Map.of("cod", 30.0, "nh3n", 7.0));
        assertThat(o.amountCny()).isEqualTo(cny("7000000.00"));
        assertThat(o.explanationZh()).contains("适用最高档：¥2,000,000.00×(1+2.5)=¥7,000,000.00");
    }

    @Test
    void summedMultiplesAddOnlyExceedances() {
        Agreement sum = agreement(Aggregate.SUM, true, new Factor("cod", 40.0), new Factor("nh3n", 2.0));
        // COD 48: m = 8/40 = 0.2; NH3-N 2.6: 0.3; sum 0.5 → ¥100,000 × 1.5 = ¥150,000.00 (max would be 0.3)
        assertThat(settle(sum, Map.of("cod", 48.0, "nh3n", 2.6)).amountCny()).isEqualTo(cny("150000.00"));
        // COD 20 is better than target: it exceeds by 0, not −0.5; sum 0.3 → ¥130,000.00
        assertThat(settle(sum, Map.of("cod", 20.0, "nh3n", 2.6)).amountCny()).isEqualTo(cny("130000.00"));
    }

    @Test
    void aFactorWithoutTargetUsesTheClassLimitOfTheSection() {
        // no targetMgL: NH3-N class III limit 1.0; mean 1.3 → m = 0.3 → ¥130,000.00
        Agreement a = agreement(Aggregate.MAX, true, new Factor("nh3n", null));
        assertThat(settle(a, Map.of("nh3n", 1.3)).amountCny()).isEqualTo(cny("130000.00"));
    }

    @Test
    void theScaledAmountIsRoundedHalfUpToTheFen() {
        // target 3.0, mean 4.0: m = 1/3 = 0.3333333333333333 (16 digits); ¥100,000 × 1.3333333333333333
        // = ¥133,333.33333… → ¥133,333.33
        Agreement a = agreement(Aggregate.MAX, true, new Factor("nh3n", 3.0));
        assertThat(settle(a, Map.of("nh3n", 4.0)).amountCny()).isEqualTo(cny("133333.33"));
    }

    @Test
    void withoutScalingTheTierAmountIsPaidAsIs() {
        Agreement a = agreement(Aggregate.MAX, false, new Factor("cod", 40.0), new Factor("nh3n", 2.0));
        assertThat(settle(a, Map.of("cod", 30.0, "nh3n", 2.6)).amountCny()).isEqualTo(cny("100000.00"));
    }

    @Test
    void aMissingFactorIsSkippedAndMarked() {
        // COD never measured: NH3-N alone decides (m = 0.3 → ¥130,000.00); COD marked, completeness 0
        CompensationOutcome o = settle(MAX, Map.of("nh3n", 2.6));

        assertThat(o.amountCny()).isEqualTo(cny("130000.00"));
        assertThat(o.missingFactors()).containsExactly("cod");
        assertThat(o.belowMinCompleteness()).isTrue();
        assertThat(o.explanationZh()).contains("无有效数据：化学需氧量");
    }
}
