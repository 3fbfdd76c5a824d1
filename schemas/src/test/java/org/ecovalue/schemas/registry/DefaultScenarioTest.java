package org.ecovalue.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.ecovalue.schemas.registry.scheme.ClassStepScheme;
import org.ecovalue.schemas.registry.scheme.FluxScheme;
import org.junit.jupiter.api.Test;

class DefaultScenarioTest {

    /** Surefire runs in the module directory. */
    static final Path DEFAULT_YAML = Path.of("..", "deploy", "config", "default.yaml");

    @Test
    void theDefaultScenarioLoadsWithoutProblems() throws Exception {
        Registry r = RegistryLoader.load(DEFAULT_YAML);

        assertThat(r.units()).hasSize(5);
        assertThat(r.gridCells()).hasSize(6);
        assertThat(r.sections()).extracting(Section::id).containsExactly("QX-S01", "QX-S02", "QX-S03");
        assertThat(r.agreements()).hasSize(2);
        assertThat(r.priceTables()).hasSize(1);
        assertThat(r.stations()).extracting(Station::kind)
                .contains(StationKind.WATER, StationKind.FLOW, StationKind.AIR, StationKind.SOIL, StationKind.WEATHER);
    }

    @Test
    void threeCountiesAreChainedUpstreamToDownstreamByTheTwoCrossBoundarySections() throws Exception {
        Registry r = RegistryLoader.load(DEFAULT_YAML);
        Section s1 = r.section("QX-S01").orElseThrow();
        Section s2 = r.section("QX-S02").orElseThrow();

        assertThat(s1.role()).isEqualTo(SectionRole.CROSS_BOUNDARY);
        assertThat(s2.role()).isEqualTo(SectionRole.CROSS_BOUNDARY);
        assertThat(s1.downstreamUnit()).isEqualTo(s2.upstreamUnit());
        assertThat(r.station(s1.flowStation()).orElseThrow().kind()).isEqualTo(StationKind.FLOW);
        assertThat(r.station(s2.qualityStation()).orElseThrow().kind()).isEqualTo(StationKind.WATER);
        assertThat(r.section("QX-S03").orElseThrow().role()).isEqualTo(SectionRole.CONTROL);
        assertThat(r.ancestorsOf("390122")).extracting(AdministrativeUnit::id).containsExactly("390100", "390000");
    }

    @Test
    void theFluxAgreementCarriesTheJiangsuPricesAndTheClassStepAgreementItsPayerShares() throws Exception {
        Registry r = RegistryLoader.load(DEFAULT_YAML);

        FluxScheme flux = (FluxScheme) r.agreement("QX-A01").orElseThrow().scheme();
        assertThat(flux.factors()).extracting(FluxScheme.Factor::param).containsExactly("codmn", "nh3n", "tp");
        assertThat(flux.factors()).extracting(f -> f.priceCnyPerTonne().intValueExact())
                .containsExactly(15_000, 100_000, 100_000);

        Agreement a2 = r.agreement("QX-A02").orElseThrow();
        assertThat(a2.scheme()).isInstanceOf(ClassStepScheme.class);
        assertThat(a2.zone()).hasToString("Asia/Shanghai");
        assertThat(a2.payerShares()).containsEntry("390123", new BigDecimal("0.6")).containsEntry("390100", new BigDecimal("0.4"));
        assertThat(r.agreementsOnSection("QX-S02")).containsExactly(a2);
    }

    @Test
    void reservoirStoragePriceIs706YuanPerCubicMetreFrom2010And61107Before() throws Exception {
        PriceTable prices = RegistryLoader.load(DEFAULT_YAML).priceTable("gep-2010").orElseThrow();

        Price now = prices.priceOn(EcoProduct.WATER_CONSERVATION, null, LocalDate.of(2026, 5, 1)).orElseThrow();
        assertThat(now.priceCny()).isEqualByComparingTo("7.06");
        assertThat(now.priceRef()).isEqualTo("gep-2010/water_conservation@2010-01-01");
        // 1 200 000 m3 conserved × 7.06 ¥/m3 = ¥8 472 000.00
        assertThat(now.valueOf(new BigDecimal("1200000"))).isEqualTo(new BigDecimal("8472000.00"));

        assertThat(prices.priceOn(EcoProduct.WATER_CONSERVATION, null, LocalDate.of(2008, 1, 1)).orElseThrow().priceCny())
                .isEqualByComparingTo("6.1107");
        assertThat(prices.priceOn(EcoProduct.WATER_CONSERVATION, null, LocalDate.of(2004, 12, 31))).isEmpty();
    }
}
