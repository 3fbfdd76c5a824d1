package org.ecovalue.schemas.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecovalue.schemas.compensation.Fixtures.DOWNSTREAM;
import static org.ecovalue.schemas.compensation.Fixtures.UPSTREAM;
import static org.ecovalue.schemas.compensation.Fixtures.cny;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.ledger.LedgerEntry;
import org.ecovalue.schemas.ledger.LedgerHashChain;
import org.ecovalue.schemas.ledger.LedgerStatus;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.registry.scheme.FluxScheme;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.junit.jupiter.api.Test;

class CompensationLedgerTest {

    private static final String BASE = "https://ecovalue.example/schemas/";
    private static final JsonSchema LEDGER_SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(BASE, "classpath:schemas/")))
            .getSchema(SchemaLocation.of(BASE + "ledger-entry.schema.json"));

    private static final Agreement FLUX = Fixtures.agreement(new FluxScheme(List.of(
            new FluxScheme.Factor("nh3n", new BigDecimal("100000"), null)), true), PeriodKind.MONTH, 0.75, null);

    private static CompensationOutcome outcome(double nh3n) {
        PeriodAccumulator data = Fixtures.feed(FLUX, "2026-04", 650, Map.of("nh3n", nh3n), 4.0e5);
        return CompensationCalculator.of(FLUX).calculate(new SectionPeriod(Fixtures.section(WaterClass.III), data));
    }

    @Test
    void anOutcomeBecomesAnUnsealedEntryThatTheChainCanSeal() throws Exception {
        // ¥5,460,000.00 as in the flux worked example
        CompensationOutcome o = outcome(1.21);

        LedgerEntry entry = CompensationLedger.entry(FLUX, o, LedgerStatus.FINAL, 0, 1_777_000_000_000L,
                1_776_999_000_000L);

        assertThat(entry.key()).isEqualTo("QX-A01/2026-04");
        assertThat(entry.sectionId()).isEqualTo("QX-S01");
        assertThat(entry.scheme()).isEqualTo("flux");
        assertThat(entry.payer()).isEqualTo(UPSTREAM);
        assertThat(entry.payee()).isEqualTo(DOWNSTREAM);
        assertThat(entry.amountCny()).isEqualTo(cny("5460000.00"));
        assertThat(entry.inputs()).isEqualTo(o.inputs());
        assertThat(entry.explanation()).isEqualTo(o.explanationZh());
        assertThat(entry.isSealed()).isFalse();

        LedgerEntry sealed = LedgerHashChain.seal(entry, LedgerHashChain.GENESIS);
        assertThat(sealed.hash()).isEqualTo(LedgerHashChain.hash(sealed));
        assertThat(LEDGER_SCHEMA.validate(Json.mapper().readTree(Json.mapper().writeValueAsBytes(sealed)))).isEmpty();
    }

    @Test
    void whenNobodyPaysTheEntryNamesTheNominalDirectionWithZero() {
        CompensationOutcome o = outcome(1.0);

        LedgerEntry entry = CompensationLedger.entry(FLUX, o, LedgerStatus.PROVISIONAL, 0, 1L, 0L);

        assertThat(o.payer()).isNull();
        assertThat(entry.payer()).isEqualTo(UPSTREAM);
        assertThat(entry.payee()).isEqualTo(DOWNSTREAM);
        assertThat(entry.amountCny()).isEqualTo(cny("0.00"));
        assertThat(entry.explanation()).contains("双方互不支付");
    }
}
