package org.ecovalue.jobs.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.ecovalue.jobs.TestRegistry;
import org.ecovalue.jobs.registry.RegistryState;
import org.ecovalue.jobs.registry.RegistryUpdate;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.inventory.Quantity;
import org.ecovalue.schemas.inventory.Valuation;
import org.ecovalue.schemas.ledger.LedgerEntry;
import org.ecovalue.schemas.ledger.LedgerHashChain;
import org.ecovalue.schemas.ledger.LedgerStatus;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.GridCell;
import org.ecovalue.schemas.registry.LandCover;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.registry.UnitKind;
import org.ecovalue.schemas.registry.scheme.ServiceValueShareScheme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ezhou style (REFERENCE.md §4.4): the downstream side pays 20 % of the water-conservation value the
 * upstream county's grid cells provide each month, the city 70 %, the downstream county 30 %.
 * February 2026 (Shanghai) has 28 days, 2026-01-31T16:00Z to 2026-02-28T16:00Z. Cell G1 is valued
 * ¥1 000.00 every day (complete), cell G2 ¥500.00 (each day 0.5 complete); FINAL inventory figures,
 * revision 1, issued at the end of their day plus the lateness.
 * <p>Worked by hand: value 28 × (1 000 + 500) = ¥42 000.00; × 0.20 = ¥8 400.00, of which the city
 * 0.7 × 8 400 = ¥5 880.00 and the downstream county 0.3 × 8 400 = ¥2 520.00. Completeness
 * (28 × 1 + 28 × 0.5) / (2 cells × 28 days) = 0.75, above the agreed 0.6.
 */
public class ServiceValueLedgerTest {

    public static final String AGREEMENT = "QY-SHARE";
    public static final String CITY = "390100";
    static final String CELL_1 = "G1";
    static final String CELL_2 = "G2";
    static final LocalDate FEB_1 = LocalDate.of(2026, 2, 1);
    static final Instant FEB_END = Instant.parse("2026-02-28T16:00:00Z");
    static final Duration LATENESS = Duration.ofMinutes(10);
    static final Duration HORIZON = Duration.ofDays(1);
    static final long HOUR = 3_600_000L;

    private KeyedBroadcastOperatorTestHarness<String, ServiceValueReading, RegistryUpdate, LedgerEntry> harness;

    static Agreement shareAgreement() {
        return shareAgreement(EcoProduct.WATER_CONSERVATION);
    }

    /** 20 % of the value of {@code product}, monthly; the city pays 70 %, the downstream county 30 %. */
    public static Agreement shareAgreement(EcoProduct product) {
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        shares.put(CITY, new BigDecimal("0.7"));
        shares.put(TestRegistry.DOWNSTREAM, new BigDecimal("0.3"));
        return new Agreement(AGREEMENT, "清源县生态服务价值分担", null, TestRegistry.UPSTREAM, TestRegistry.DOWNSTREAM,
                new ServiceValueShareScheme(0.20, List.of(product), "gep-2010"),
                PeriodKind.MONTH, null, null, LocalDate.of(2026, 1, 1), null, 0.6, shares);
    }

    static List<RegistryUpdate> registry() {
        List<RegistryUpdate> updates = new ArrayList<>(TestRegistry.updates());
        updates.add(TestRegistry.update(new GridCell(CELL_1, TestRegistry.UPSTREAM, 25.0, LandCover.FOREST)));
        updates.add(TestRegistry.update(new GridCell(CELL_2, TestRegistry.UPSTREAM, 25.0, LandCover.FOREST)));
        updates.add(TestRegistry.update(new GridCell("G9", TestRegistry.DOWNSTREAM, 25.0, LandCover.FOREST)));
        updates.add(TestRegistry.update(shareAgreement()));
        return updates;
    }

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(new ServiceValueLedger(LATENESS, HORIZON, Duration.ofHours(6)),
                        List.of(RegistryState.DESCRIPTOR)),
                ServiceValueReading::agreementId, Types.STRING, 1, 1, 0);
        harness.open();
        for (RegistryUpdate u : registry()) {
            harness.processBroadcastElement(u, 0);
        }
        harness.processBroadcastWatermark(Long.MAX_VALUE);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static long dayEnd(LocalDate day) {
        return day.plusDays(1).atStartOfDay(Agreement.DEFAULT_ZONE).toInstant().toEpochMilli();
    }

    private void figure(String cell, LocalDate day, int revision, String cny, double completeness, long at)
            throws Exception {
        harness.processElement(new ServiceValueReading(AGREEMENT, cell, "water_conservation", day.toString(), revision,
                new BigDecimal(cny), completeness), at);
    }

    private void february() throws Exception {
        for (int d = 0; d < 28; d++) {
            LocalDate day = FEB_1.plusDays(d);
            long at = dayEnd(day) + LATENESS.toMillis();
            figure(CELL_1, day, 1, "1000.00", 1, at);
            figure(CELL_2, day, 1, "500.00", 0.5, at);
            harness.processWatermark(at);
        }
    }

    private List<LedgerEntry> out() {
        return new ArrayList<>(harness.extractOutputValues());
    }

    private List<LedgerEntry> chained() {
        return out().stream().filter(e -> e.status().isChained()).toList();
    }

    @Test
    void twentyPercentOfTheCellsWaterConservationValueIsPaidByTheCityAndTheDownstreamCounty() throws Exception {
        february();

        LedgerEntry fin = chained().get(0);
        assertThat(chained()).hasSize(1);
        assertThat(fin.status()).isEqualTo(LedgerStatus.FINAL);
        assertThat(fin.period()).isEqualTo("2026-02");
        assertThat(fin.scheme()).isEqualTo("service-value-share");
        assertThat(fin.sectionId()).isNull();
        assertThat(fin.amountCny()).isEqualTo(new BigDecimal("8400.00"));
        assertThat(fin.payer()).isEqualTo(TestRegistry.DOWNSTREAM);
        assertThat(fin.payee()).isEqualTo(TestRegistry.UPSTREAM);
        assertThat(fin.inputs().completeness()).isEqualByComparingTo("0.75");
        assertThat(fin.explanation()).contains("¥42,000.00", "¥5,880.00", "¥2,520.00").doesNotContain("已标记");
        assertThat(fin.prevHash()).isEqualTo(LedgerHashChain.GENESIS);
        // running figures came before it, e.g. after the first day: 1 500 × 0.2 = ¥300.00
        assertThat(out().get(0).status()).isEqualTo(LedgerStatus.PROVISIONAL);
        assertThat(out().get(0).amountCny()).isEqualTo(new BigDecimal("300.00"));
    }

    @Test
    void aRevisedInventoryFigureYieldsOneCorrectionAndAReplayedLiveFigureChangesNothing() throws Exception {
        february();
        LedgerEntry fin = chained().get(0);

        // G1's 3 February revised to ¥1 100.00 (revision 2): 42 100 × 0.2 = ¥8 420.00
        figure(CELL_1, FEB_1.plusDays(2), 2, "1100.00", 1, FEB_END.toEpochMilli() + HOUR);
        // an old LIVE figure of 4 February arriving again: a FINAL figure is kept
        figure(CELL_1, FEB_1.plusDays(3), ServiceValueReading.LIVE, "1.00", 0.1, FEB_END.toEpochMilli() + HOUR);
        harness.processWatermark(FEB_END.toEpochMilli() + 2 * HOUR);

        assertThat(chained()).extracting(LedgerEntry::status, LedgerEntry::revision, LedgerEntry::amountCny)
                .containsExactly(tuple(LedgerStatus.FINAL, 0, new BigDecimal("8400.00")),
                        tuple(LedgerStatus.CORRECTION, 1, new BigDecimal("8420.00")));
        assertThat(chained().get(1).prevHash()).isEqualTo(fin.hash());
        assertThat(LedgerHashChain.verify(chained()).intact()).isTrue();
    }

    @Test
    void beyondTheSettlementHorizonAFigureIsReportedNotAppliedAndOnlyTheChainHeadStays() throws Exception {
        february();
        harness.processWatermark(FEB_END.toEpochMilli() + LATENESS.toMillis() + HORIZON.toMillis());
        int before = out().size();

        figure(CELL_1, FEB_1, 2, "5000.00", 1, FEB_END.toEpochMilli() + HORIZON.toMillis() + HOUR);
        harness.processWatermark(FEB_END.toEpochMilli() + HORIZON.toMillis() + 2 * HOUR);

        assertThat(out()).hasSize(before);
        assertThat(((HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend()).numKeyValueStateEntries())
                .isEqualTo(1);
    }

    private static InventoryRecord record(String unit, UnitKind kind, EcoProduct product, InventoryStatus status,
                                          int revision, String cny) {
        return new InventoryRecord(unit, unit, kind, product, "2026-02-03", status, revision,
                new Quantity(1000, "m3"), null, new Valuation(new BigDecimal(cny), "gep-2010"), null, null, 0.9,
                List.of("MT1"), 0);
    }

    @Test
    void routingTakesTheUpstreamCountysCellsFiguresOfTheSchemesProductsOnly() throws Exception {
        try (BroadcastOperatorTestHarness<InventoryRecord, RegistryUpdate, ServiceValueReading> routing =
                     ProcessFunctionTestHarnesses.forBroadcastProcessFunction(new InventoryValueRouting(),
                             RegistryState.DESCRIPTOR)) {
            for (RegistryUpdate u : registry()) {
                routing.processBroadcastElement(u, 0);
            }
            routing.processElement(record(CELL_1, UnitKind.GRID, EcoProduct.WATER_CONSERVATION, InventoryStatus.FINAL,
                    1, "7060.00"), 0);
            routing.processElement(record(CELL_2, UnitKind.GRID, EcoProduct.WATER_CONSERVATION, InventoryStatus.LIVE,
                    0, "3530.00"), 0);
            // another county's cell; a product the scheme does not name; a record without value
            routing.processElement(record("G9", UnitKind.GRID, EcoProduct.WATER_CONSERVATION, InventoryStatus.FINAL,
                    1, "1.00"), 0);
            routing.processElement(record(TestRegistry.UPSTREAM, UnitKind.COUNTY, EcoProduct.WATER_RESOURCE,
                    InventoryStatus.FINAL, 1, "2.00"), 0);
            routing.processElement(new InventoryRecord(CELL_1, CELL_1, UnitKind.GRID, EcoProduct.WATER_CONSERVATION,
                    "2026-02-04", InventoryStatus.FINAL, 1, new Quantity(1, "m3"), null, null, null, null, 1,
                    List.of(), 0), 0);
            // a dry day: the cell lost 2 500 m³ (no value, as the inventory values no deficit): it provided ¥0.00
            routing.processElement(new InventoryRecord(CELL_1, CELL_1, UnitKind.GRID, EcoProduct.WATER_CONSERVATION,
                    "2026-02-05", InventoryStatus.FINAL, 1, new Quantity(-2500, "m3"), null, null, null, null, 1,
                    List.of(), 0), 0);

            assertThat(routing.extractOutputValues()).containsExactly(
                    new ServiceValueReading(AGREEMENT, CELL_1, "water_conservation", "2026-02-03", 1,
                            new BigDecimal("7060.00"), 0.9),
                    new ServiceValueReading(AGREEMENT, CELL_2, "water_conservation", "2026-02-03",
                            ServiceValueReading.LIVE, new BigDecimal("3530.00"), 0.9),
                    new ServiceValueReading(AGREEMENT, CELL_1, "water_conservation", "2026-02-05", 1,
                            new BigDecimal("0.00"), 1));
        }
    }
}
