package org.ecovalue.schemas.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.ecovalue.schemas.compensation.Fixtures.DOWNSTREAM;
import static org.ecovalue.schemas.compensation.Fixtures.UPSTREAM;
import static org.ecovalue.schemas.compensation.Fixtures.cny;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.inventory.Quantity;
import org.ecovalue.schemas.inventory.Valuation;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.registry.UnitKind;
import org.ecovalue.schemas.registry.scheme.ServiceValueShareScheme;
import org.junit.jupiter.api.Test;

/** Ezhou: 20 % of the ES value provided; the city (390100) pays 70 %, the receiving district 30 %. */
class ServiceValueShareCalculatorTest {

    private static final String CITY = "390100";

    private static Agreement agreement(double share) {
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        shares.put(CITY, new BigDecimal("0.7"));
        shares.put(DOWNSTREAM, new BigDecimal("0.3"));
        return new Agreement("EZ-2017", "鄂州式", null, UPSTREAM, DOWNSTREAM,
                new ServiceValueShareScheme(share, List.of(EcoProduct.WATER_CONSERVATION, EcoProduct.CARBON_SEQUESTRATION),
                        "P1"), PeriodKind.YEAR, null, null, LocalDate.of(2017, 1, 1), null, 0.6, shares);
    }

    private static CompensationOutcome settle(Agreement a, Map<EcoProduct, BigDecimal> values, double completeness) {
        return CompensationCalculator.of(a).calculate(new ServiceValues("2017", values, completeness));
    }

    @Test
    void twentyPercentOfTheValueSplitSeventyThirtySumsExactly() {
        // Σ = ¥10,000,000.00 + ¥2,345,678.90 = ¥12,345,678.90; × 0.20 = ¥2,469,135.78 (exact)
        // 0.7 × 2,469,135.78 = 1,728,395.046 → down to 1,728,395.04, remainder 0.6 fen
        // 0.3 × 2,469,135.78 =   740,740.734 → down to   740,740.73, remainder 0.4 fen
        // floors sum to 2,469,135.77: the 1 fen left goes to the largest remainder (the city):
        // ¥1,728,395.05 + ¥740,740.73 = ¥2,469,135.78
        CompensationOutcome o = settle(agreement(0.20), Map.of(EcoProduct.WATER_CONSERVATION, cny("10000000.00"),
                EcoProduct.CARBON_SEQUESTRATION, cny("2345678.90")), 0.95);

        assertThat(o.direction()).isEqualTo(Direction.DOWNSTREAM_PAYS);
        assertThat(o.payer()).isEqualTo(DOWNSTREAM);
        assertThat(o.payee()).isEqualTo(UPSTREAM);
        assertThat(o.sectionId()).isNull();
        assertThat(o.amountCny()).isEqualTo(cny("2469135.78"));
        assertThat(o.payerLines()).extracting(PayerLine::party, PayerLine::amountCny)
                .containsExactly(tuple(CITY, cny("1728395.05")), tuple(DOWNSTREAM, cny("740740.73")));
        assertThat(o.belowMinCompleteness()).isFalse();
        assertThat(o.explanationZh()).startsWith("上游390121在2017期间提供生态系统服务价值水源涵养¥10,000,000.00、固碳¥2,345,678.90")
                .contains("合计¥12,345,678.90，按20%补偿为¥2,469,135.78");
    }

    @Test
    void aFenThatCannotBeSplitEvenlyGoesToTheFirstPayerOnATie() {
        // ¥0.10 × 0.5 = ¥0.05; 0.7 → 0.035, 0.3 → 0.015: floors 0.03 + 0.01 = 0.04, both remainders 0.5 fen
        // the 1 fen left goes to the payer listed first: ¥0.04 + ¥0.01 = ¥0.05 (HALF_UP each: 0.04 + 0.02 = 0.06)
        CompensationOutcome o = settle(agreement(0.5), Map.of(EcoProduct.WATER_CONSERVATION, cny("0.06"),
                EcoProduct.CARBON_SEQUESTRATION, cny("0.04")), 1);

        assertThat(o.amountCny()).isEqualTo(cny("0.05"));
        assertThat(o.payerLines()).extracting(PayerLine::amountCny).containsExactly(cny("0.04"), cny("0.01"));
    }

    @Test
    void theShareIsRoundedHalfUpToTheFen() {
        // ¥0.05 × 0.5 + ¥0.00 = ¥0.025 → ¥0.03
        CompensationOutcome o = settle(agreement(0.5), Map.of(EcoProduct.WATER_CONSERVATION, cny("0.05"),
                EcoProduct.CARBON_SEQUESTRATION, cny("0.00")), 1);

        assertThat(o.amountCny()).isEqualTo(cny("0.03"));
    }

    @Test
    void aProductWithoutValueIsLeftOutAndMarked() {
        // only water conservation valued: 0.20 × ¥10,000,000.00 = ¥2,000,000.00; carbon marked, completeness 0
        CompensationOutcome o = settle(agreement(0.20), Map.of(EcoProduct.WATER_CONSERVATION, cny("10000000.00")), 1);

        assertThat(o.amountCny()).isEqualTo(cny("2000000.00"));
        assertThat(o.missingFactors()).containsExactly("carbon_sequestration");
        assertThat(o.belowMinCompleteness()).isTrue();
        assertThat(o.explanationZh()).contains("无有效数据：固碳");
    }

    @Test
    void lowInventoryCompletenessIsMarked() {
        CompensationOutcome o = settle(agreement(0.20), Map.of(EcoProduct.WATER_CONSERVATION, cny("1.00"),
                EcoProduct.CARBON_SEQUESTRATION, cny("1.00")), 0.5);

        assertThat(o.belowMinCompleteness()).isTrue();
        assertThat(o.inputs().completeness()).isEqualTo(new BigDecimal("0.5000"));
    }

    @Test
    void valuesComeFromTheUpstreamUnitsInventoryOfThePeriod() {
        List<InventoryRecord> records = List.of(
                record(UPSTREAM, "2017", EcoProduct.WATER_CONSERVATION, "10000000.00", 0.9),
                record(UPSTREAM, "2017", EcoProduct.CARBON_SEQUESTRATION, "2345678.90", 0.8),
                record(DOWNSTREAM, "2017", EcoProduct.WATER_CONSERVATION, "5.00", 1),
                record(UPSTREAM, "2016", EcoProduct.WATER_CONSERVATION, "7.00", 1));

        ServiceValues v = ServiceValues.fromInventory(UPSTREAM, "2017", records);

        assertThat(v.valueCny()).containsOnly(Map.entry(EcoProduct.WATER_CONSERVATION, cny("10000000.00")),
                Map.entry(EcoProduct.CARBON_SEQUESTRATION, cny("2345678.90")));
        assertThat(v.completeness()).isEqualTo(0.8);
    }

    @Test
    void aServiceValueAgreementDoesNotSettleOnASection() {
        Agreement a = agreement(0.2);
        PeriodAccumulator data = PeriodAccumulator.empty(PeriodKind.YEAR, "2017", a.zone());
        assertThatThrownBy(() -> CompensationCalculator.of(a).calculate(
                new SectionPeriod(Fixtures.section(org.ecovalue.schemas.standards.water.WaterClass.III), data)))
                .hasMessageContaining("settles on service values");
    }

    private static InventoryRecord record(String unit, String period, EcoProduct product, String cny, double completeness) {
        return new InventoryRecord(unit, "unit " + unit, UnitKind.COUNTY, product, period, InventoryStatus.FINAL, 0,
                new Quantity(1, "m3"), null, new Valuation(new BigDecimal(cny), "P1/" + product.code() + "@2010-01-01"),
                null, null, completeness, List.of(), 0);
    }
}
