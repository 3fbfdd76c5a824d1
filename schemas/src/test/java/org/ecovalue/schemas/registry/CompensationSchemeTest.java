package org.ecovalue.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ecovalue.schemas.registry.scheme.FluxScheme;
import org.ecovalue.schemas.registry.scheme.PIndexScheme;
import org.ecovalue.schemas.registry.scheme.ServiceValueShareScheme;
import org.ecovalue.schemas.registry.scheme.TieredExceedanceScheme;
import org.ecovalue.schemas.standards.water.WaterBody;
import org.junit.jupiter.api.Test;

class CompensationSchemeTest {

    private static final Path ALL_SCHEMES = Path.of("src", "test", "resources", "registry", "all-schemes.yaml");

    @Test
    void everySchemeOfReferenceSection4CanBeConfigured() throws Exception {
        Registry r = RegistryLoader.load(ALL_SCHEMES);

        PIndexScheme p = (PIndexScheme) r.agreement("A-PINDEX").orElseThrow().scheme();
        assertThat(p.k0()).isEqualTo(0.85);
        assertThat(p.factors()).extracting(PIndexScheme.Factor::param).containsExactly("codmn", "nh3n", "tn", "tp");
        assertThat(p.amountCny()).isEqualTo(new BigDecimal("100000000.00"));

        TieredExceedanceScheme t = (TieredExceedanceScheme) r.agreement("A-TIERED").orElseThrow().scheme();
        assertThat(t.aggregate()).isEqualTo(TieredExceedanceScheme.Aggregate.MAX);
        assertThat(t.tiers()).hasSize(5);
        assertThat(t.tiers().get(4).upToMultiple()).isNull();

        Agreement share = r.agreement("A-SHARE").orElseThrow();
        assertThat(share.section()).isNull();
        assertThat(((ServiceValueShareScheme) share.scheme()).products())
                .containsExactly(EcoProduct.WATER_CONSERVATION, EcoProduct.CARBON_SEQUESTRATION);
        assertThat(share.payerShares().values()).extracting(BigDecimal::toPlainString).containsExactly("0.7", "0.3");

        assertThat(r.section("S2").orElseThrow().waterbody()).isEqualTo(WaterBody.LAKE);
    }

    @Test
    void aProvinceCanBeAPartyOfASectionBetweenItsCounties() throws Exception {
        // A-PINDEX: downstream party 390000 contains the section's downstream unit 390122
        Registry r = RegistryLoader.load(ALL_SCHEMES);

        assertThat(r.isWithin("390122", "390000")).isTrue();
        assertThat(RegistryValidator.check(r)).isEmpty();
    }

    @Test
    void aPartyThatDoesNotContainTheSectionsUnitIsAProblem() throws Exception {
        Registry r = RegistryLoader.load(ALL_SCHEMES);
        Agreement a = r.agreement("A-TIERED").orElseThrow();
        Agreement wrong = new Agreement(a.id(), a.name(), a.section(), "390121", a.downstreamParty(), a.scheme(),
                a.period(), a.zone(), a.currency(), a.effectiveFrom(), a.effectiveTo(), a.minCompleteness(), null);

        assertThat(RegistryValidator.check(r.with(wrong))).extracting(RegistryProblem::toString).containsExactly(
                "agreement/A-TIERED: upstreamParty: '390121' is neither the upstream unit of section 'S2' (390122) "
                        + "nor a unit that contains it");
    }

    @Test
    void aFluxAgreementOnASectionWithoutFlowStationIsAProblem() throws Exception {
        Registry r = RegistryLoader.load(ALL_SCHEMES);
        Agreement flux = new Agreement("A-FLUX", "flux", "S2", "390122", "390123",
                new FluxScheme(List.of(new FluxScheme.Factor("nh3n", new BigDecimal("100000"), null)), false),
                PeriodKind.MONTH, null, null, LocalDate.of(2026, 1, 1), null, 0.75, null);

        assertThat(RegistryValidator.check(r.with(flux))).extracting(RegistryProblem::toString).containsExactly(
                "agreement/A-FLUX: section: section 'S2' has no flow station; a flux agreement needs the volume that crossed it");
    }

    @Test
    void aServiceValueShareNeedsAPriceForEachProduct() throws Exception {
        Registry r = RegistryLoader.load(ALL_SCHEMES);
        Agreement a = r.agreement("A-SHARE").orElseThrow();
        Agreement more = new Agreement(a.id(), a.name(), null, a.upstreamParty(), a.downstreamParty(),
                new ServiceValueShareScheme(0.2, List.of(EcoProduct.WATER_CONSERVATION, EcoProduct.CLEAN_AIR), "P1"),
                a.period(), a.zone(), a.currency(), a.effectiveFrom(), a.effectiveTo(), a.minCompleteness(), a.payerShares());

        assertThat(RegistryValidator.check(r.with(more))).extracting(RegistryProblem::toString).containsExactly(
                "agreement/A-SHARE: scheme.products: price table 'P1' has no price for clean_air");
    }

    @Test
    void tiersMustAscendAndOnlyTheLastMayBeOpen() {
        List<TieredExceedanceScheme.Factor> f = List.of(new TieredExceedanceScheme.Factor("nh3n", null));
        assertThatThrownBy(() -> new TieredExceedanceScheme(f, TieredExceedanceScheme.Aggregate.SUM, 0.1, List.of(
                new TieredExceedanceScheme.Tier(0.5, new BigDecimal("100000")),
                new TieredExceedanceScheme.Tier(0.5, new BigDecimal("250000"))), false))
                .hasMessage("tiers[1].upToMultiple: must be above 0.5 (tiers ascend from minMultiple)");
        assertThatThrownBy(() -> new TieredExceedanceScheme(f, TieredExceedanceScheme.Aggregate.SUM, 0.1, List.of(
                new TieredExceedanceScheme.Tier(null, new BigDecimal("100000")),
                new TieredExceedanceScheme.Tier(1.0, new BigDecimal("250000"))), false))
                .hasMessage("tiers[0].upToMultiple: only the last tier may be open");
    }

    @Test
    void factorsArePollutantsInMgPerLitreAndAppearOnce() {
        assertThatThrownBy(() -> new FluxScheme.Factor("ph", BigDecimal.TEN, null))
                .hasMessageStartingWith("param: 'ph' is not a water pollutant measured in mg/L");
        assertThatThrownBy(() -> new FluxScheme.Factor("pm25", BigDecimal.TEN, null))
                .hasMessageStartingWith("param: 'pm25' is not a water pollutant");
        assertThatThrownBy(() -> new FluxScheme(List.of(new FluxScheme.Factor("tp", BigDecimal.TEN, null),
                new FluxScheme.Factor("TP", BigDecimal.ONE, null)), false))
                .hasMessage("factors[1].param: 'tp' appears twice");
    }

    @Test
    void anAgreementSettlesInChinaStandardTimeUnlessItSaysOtherwise() throws Exception {
        Agreement tiered = RegistryLoader.load(ALL_SCHEMES).agreement("A-TIERED").orElseThrow();

        // 2026-03-31T16:30Z is 00:30 on 1 April in Beijing
        assertThat(tiered.periodOf(Instant.parse("2026-03-31T16:30:00Z"))).isEqualTo("2026-04");
        assertThat(PeriodKind.MONTH.start("2026-04", tiered.zone())).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
        assertThat(PeriodKind.MONTH.end("2026-04", tiered.zone())).isEqualTo(Instant.parse("2026-04-30T16:00:00Z"));
        assertThat(tiered.inForceOn(LocalDate.of(2025, 12, 31))).isFalse();
    }

    @Test
    void payerSharesDefaultToTheDownstreamPartyAlone() {
        Agreement a = new Agreement("A", "a", "S1", "390121", "390122",
                new FluxScheme(List.of(new FluxScheme.Factor("tp", BigDecimal.TEN, null)), true),
                PeriodKind.MONTH, null, null, LocalDate.of(2026, 1, 1), null, 0.75, null);

        assertThat(a.payerShares()).isEqualTo(Map.of("390122", BigDecimal.ONE));
        assertThat(a.currency()).isEqualTo("CNY");
        assertThat(a.zone()).isEqualTo(Agreement.DEFAULT_ZONE);
    }
}
