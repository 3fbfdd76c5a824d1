package org.ecovalue.schemas.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ecovalue.schemas.compensation.Fixtures.cny;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.RegistryLoader;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.registry.scheme.ClassStepScheme;
import org.ecovalue.schemas.registry.scheme.CompensationScheme;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.junit.jupiter.api.Test;

/** The calculators run on agreements as the registry loads them. */
class SchemeRegistryTest {

    private static final Path DEFAULT_YAML = Path.of("..", "deploy", "config", "default.yaml");

    @Test
    void theDefaultFluxAgreementPricesTheClassIITargetsOfItsSection() throws Exception {
        // QX-A01 on QX-S01 (target class II: CODMn 4, NH3-N 0.5, TP 0.1 mg/L), two-way, Jiangsu prices.
        // NH3-N 0.6: 0.1 g/m³ × 2.6×10⁸ m³ = 2.6×10⁷ g = 26 t × ¥100,000/t = ¥2,600,000.00;
        // CODMn 4.0 and TP 0.1 exactly at target: ¥0.00. The upstream 岚山县 (390121) pays 溪口县 (390122).
        Registry r = RegistryLoader.load(DEFAULT_YAML);
        Agreement a = r.agreement("QX-A01").orElseThrow();
        Section s = r.section("QX-S01").orElseThrow();
        PeriodAccumulator data = Fixtures.feed(a, "2026-04", 650, Map.of("codmn", 4.0, "nh3n", 0.6, "tp", 0.1), 4.0e5);

        CompensationOutcome o = CompensationCalculator.of(a).calculate(new SectionPeriod(s, data));

        assertThat(o.factorLines()).extracting(FactorLine::signedAmountCny)
                .containsExactly(cny("0.00"), cny("2600000.00"), cny("0.00"));
        assertThat(o.payer()).isEqualTo("390121");
        assertThat(o.payee()).isEqualTo("390122");
        assertThat(o.amountCny()).isEqualTo(cny("2600000.00"));
    }

    @Test
    void theDefaultClassStepAgreementSplitsWhatTheDownstreamSideOwes() throws Exception {
        // QX-A02: baseline III, ¥500,000 per class; class II → 清浦 (390123) 0.6 = ¥300,000.00, city 0.4 = ¥200,000.00
        Registry r = RegistryLoader.load(DEFAULT_YAML);
        Agreement a = r.agreement("QX-A02").orElseThrow();
        Section s = r.section("QX-S02").orElseThrow();
        PeriodAccumulator data = Fixtures.feed(a, "2026-04", 720,
                Map.of("ph", 7.5, "do", 7.0, "codmn", 3.5, "nh3n", 0.4, "tp", 0.08), 100.0);

        CompensationOutcome o = CompensationCalculator.of(a).calculate(new SectionPeriod(s, data));

        assertThat(o.inputs().waterClass()).isEqualTo(WaterClass.II);
        assertThat(o.payer()).isEqualTo("390123");
        assertThat(o.payerLines()).extracting(PayerLine::amountCny).containsExactly(cny("300000.00"), cny("200000.00"));
    }

    @Test
    void aCalculatorRefusesTheSectionOfAnotherAgreement() throws Exception {
        Registry r = RegistryLoader.load(DEFAULT_YAML);
        Agreement a = r.agreement("QX-A01").orElseThrow();
        Section other = r.section("QX-S02").orElseThrow();

        assertThatThrownBy(() -> CompensationCalculator.of(a).calculate(
                new SectionPeriod(other, PeriodAccumulator.empty(a, "2026-04"))))
                .hasMessageContaining("settles on section QX-S01, not QX-S02");
    }

    @Test
    void aClassStepSchemeReadsItsFactorsAndIndexChange() throws Exception {
        CompensationScheme s = Json.mapper().readValue("""
                {"name": "class-step", "baselineClass": "III", "amountPerClassCny": 60000000,
                 "factors": ["ph", "do", "codmn", "nh3n", "tp"],
                 "indexChange": {"factors": ["cod", "nh3n", "tp"], "amountPerPointCny": 1000000, "capCny": 40000000}}
                """, CompensationScheme.class);

        ClassStepScheme c = (ClassStepScheme) s;
        assertThat(c.factors()).containsExactly("ph", "do", "codmn", "nh3n", "tp");
        assertThat(c.indexChange().factors()).containsExactly("cod", "nh3n", "tp");
        assertThat(c.indexChange().capCny()).isEqualTo(new BigDecimal("40000000.00"));
        // the older form, without either, still reads
        ClassStepScheme old = (ClassStepScheme) Json.mapper().readValue(
                "{\"name\": \"class-step\", \"baselineClass\": \"III\", \"amountPerClassCny\": 500000}",
                CompensationScheme.class);
        assertThat(old.factors()).isNull();
        assertThat(old.indexChange()).isNull();
    }

    @Test
    void aReferenceItemCannotDecideTheClass() {
        // TN is a reference item of the period class for rivers (《地表水环境质量评价办法》), not a deciding one
        assertThatThrownBy(() -> new ClassStepScheme(WaterClass.III, new BigDecimal("1"), null,
                java.util.List.of("tn"), null)).hasMessageContaining("does not decide a period class");
    }
}
