package org.ecovalue.jobs.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.ecovalue.jobs.TestRegistry;
import org.ecovalue.jobs.registry.RegistryState;
import org.ecovalue.jobs.registry.RegistryUpdate;
import org.ecovalue.schemas.ledger.LedgerEntry;
import org.ecovalue.schemas.ledger.LedgerHashChain;
import org.ecovalue.schemas.ledger.LedgerStatus;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.registry.scheme.ClassStepScheme;
import org.ecovalue.schemas.registry.scheme.FluxScheme;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A flux agreement on section S01 (NH3-N, target 1.0 mg/L, ¥10 000 per tonne, one-way), settled per
 * month in Asia/Shanghai. February 2026 there runs from 2026-01-31T16:00Z to 2026-02-28T16:00Z:
 * 28 × 24 = 672 hours. Every fed hour has NH3-N 1.21 mg/L and a flow of 100 m³/s from its start,
 * i.e. 100 × 3 600 = 360 000 m³.
 * <p>Worked by hand: an hour's excess load is (1.21 − 1.0) g/m³ × 360 000 m³ = 75 600 g = 0.0756 t,
 * worth 0.0756 × 10 000 = ¥756.00; ten hours: 0.756 t, ¥7 560.00, paid by the upstream county.
 */
public class AgreementLedgerTest {

    public static final String AGREEMENT = "QY-S01-FLUX";
    static final Instant FEB_START = Instant.parse("2026-01-31T16:00:00Z");
    static final Instant FEB_END = Instant.parse("2026-02-28T16:00:00Z");
    static final Duration LATENESS = Duration.ofMinutes(10);
    static final Duration HORIZON = Duration.ofDays(1);
    static final Duration PROVISIONAL_EVERY = Duration.ofHours(6);
    static final long HOUR = 3_600_000L;

    private KeyedBroadcastOperatorTestHarness<String, SectionReading, RegistryUpdate, LedgerEntry> harness;

    public static Agreement fluxAgreement() {
        return fluxAgreement("10000", LocalDate.of(2026, 1, 1));
    }

    /** The flux agreement at another price per tonne of NH3-N, in force from {@code from} (an amendment). */
    static Agreement fluxAgreement(String pricePerTonne, LocalDate from) {
        return new Agreement(AGREEMENT, "清源—下游 氨氮通量补偿", TestRegistry.SECTION, TestRegistry.UPSTREAM,
                TestRegistry.DOWNSTREAM,
                new FluxScheme(List.of(new FluxScheme.Factor("nh3n", new BigDecimal(pricePerTonne), 1.0)), false),
                PeriodKind.MONTH, null, null, from, null, 0.75, null);
    }

    static final String CLASS_STEP = "QY-S01-STEP";

    /**
     * Class steps on NH3-N against class III (¥60 000 000 per class), with the Yellow River change term
     * on an NH3-N index: ¥1 000 000 per percentage point, capped at ¥40 000 000 (REFERENCE.md §4.3).
     */
    static Agreement classStepAgreement() {
        return new Agreement(CLASS_STEP, "清源—下游 类别阶梯补偿", TestRegistry.SECTION, TestRegistry.UPSTREAM,
                TestRegistry.DOWNSTREAM,
                new ClassStepScheme(WaterClass.III, new BigDecimal("60000000.00"), null, List.of("nh3n"),
                        new ClassStepScheme.IndexChange(List.of("nh3n"), new BigDecimal("1000000.00"),
                                new BigDecimal("40000000.00"))),
                PeriodKind.MONTH, null, null, LocalDate.of(2026, 1, 1), null, 0.75, null);
    }

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(new AgreementLedger(LATENESS, HORIZON, PROVISIONAL_EVERY, Duration.ofHours(1)),
                        List.of(RegistryState.DESCRIPTOR)),
                SectionReading::agreementId, Types.STRING, 1, 1, 0);
        harness.open();
        for (RegistryUpdate u : TestRegistry.updates()) {
            harness.processBroadcastElement(u, 0);
        }
        harness.processBroadcastElement(TestRegistry.update(fluxAgreement()), 0);
        harness.processBroadcastWatermark(Long.MAX_VALUE);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void quality(long at, double nh3n) throws Exception {
        harness.processElement(new SectionReading(AGREEMENT, TestRegistry.QUALITY_STATION, at, "nh3n", nh3n), at);
    }

    private void flow(long at, double m3s) throws Exception {
        harness.processElement(new SectionReading(AGREEMENT, TestRegistry.FLOW_STATION, at, "flow", m3s), at);
    }

    /** Ten hours from the start of February, the watermark following each hour's end. */
    private void tenHours() throws Exception {
        for (int h = 0; h < 10; h++) {
            long start = FEB_START.toEpochMilli() + h * HOUR;
            quality(start, 1.21);
            flow(start, 100.0);
            harness.processWatermark(start + HOUR);
        }
    }

    private List<LedgerEntry> out() {
        return new ArrayList<>(harness.extractOutputValues());
    }

    private int keyedStateEntries() {
        return ((HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend()).numKeyValueStateEntries();
    }

    @Test
    void tenHoursOfNh3nAt121AgainstTarget10At100CubicMetresPerSecondSettleAt7560Yuan() throws Exception {
        tenHours();
        // PROVISIONAL after hour 1 (¥756.00), then not before 6 h later: after hour 7 (7 × 756 = ¥5 292.00)
        assertThat(out()).extracting(LedgerEntry::status, LedgerEntry::amountCny)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LedgerStatus.PROVISIONAL, new BigDecimal("756.00")),
                        org.assertj.core.groups.Tuple.tuple(LedgerStatus.PROVISIONAL, new BigDecimal("5292.00")));

        harness.processWatermark(FEB_END.toEpochMilli() + LATENESS.toMillis());

        LedgerEntry fin = out().get(2);
        assertThat(fin.status()).isEqualTo(LedgerStatus.FINAL);
        assertThat(fin.period()).isEqualTo("2026-02");
        assertThat(fin.revision()).isZero();
        assertThat(fin.payer()).isEqualTo(TestRegistry.UPSTREAM);
        assertThat(fin.payee()).isEqualTo(TestRegistry.DOWNSTREAM);
        assertThat(fin.amountCny()).isEqualTo(new BigDecimal("7560.00"));
        assertThat(fin.inputs().meansMgL()).containsEntry("nh3n", new BigDecimal("1.21000"));
        assertThat(fin.inputs().volumeM3()).isEqualByComparingTo("3600000");
        // 10 of 672 hours = 0.01488…, below the agreed 75 %: computed and marked, not hidden
        assertThat(fin.inputs().completeness()).isEqualByComparingTo("0.0149");
        assertThat(fin.explanation()).contains("75");
        assertThat(fin.prevHash()).isEqualTo(LedgerHashChain.GENESIS);
        assertThat(fin.hash()).isEqualTo(LedgerHashChain.hash(fin));
        assertThat(fin.computedAt()).isEqualTo(FEB_END.toEpochMilli() + LATENESS.toMillis());
    }

    @Test
    void aLateReadingAfterFinalYieldsOneCorrectionWithTheNextRevisionLinkedIntoTheChain() throws Exception {
        tenHours();
        harness.processWatermark(FEB_END.toEpochMilli() + LATENESS.toMillis());
        LedgerEntry fin = out().get(2);

        // two late NH3-N readings in the first hour: 1.41 and 1.31, so that hour averages
        // (1.21 + 1.41 + 1.31) / 3 = 1.31 mg/L: its excess becomes 0.31 × 360 000 = 111 600 g;
        // the other nine hours 9 × 75 600 = 680 400 g; 0.792 t × ¥10 000 = ¥7 920.00; the period
        // mean of the hourly means is (1.31 + 9 × 1.21) / 10 = 1.22 mg/L
        long late = FEB_END.toEpochMilli() + Duration.ofHours(2).toMillis();
        quality(FEB_START.toEpochMilli() + 60_000, 1.41);
        quality(FEB_START.toEpochMilli() + 120_000, 1.31);
        harness.processWatermark(late);

        List<LedgerEntry> all = out();
        assertThat(all).hasSize(4);
        LedgerEntry correction = all.get(3);
        assertThat(correction.status()).isEqualTo(LedgerStatus.CORRECTION);
        assertThat(correction.revision()).isEqualTo(1);
        assertThat(correction.amountCny()).isEqualTo(new BigDecimal("7920.00"));
        assertThat(correction.inputs().meansMgL()).containsEntry("nh3n", new BigDecimal("1.22000"));
        assertThat(correction.prevHash()).isEqualTo(fin.hash());
        assertThat(LedgerHashChain.verify(all).intact()).isTrue();
    }

    @Test
    void beyondTheSettlementHorizonTheStateIsGoneAndALateReadingIsReportedNotApplied() throws Exception {
        tenHours();
        harness.processWatermark(FEB_END.toEpochMilli() + LATENESS.toMillis() + HORIZON.toMillis());
        // only what belongs to the agreement, not to a period, stays: the chain head (the next
        // period's FINAL links to it) and the one version of the agreement seen
        assertThat(keyedStateEntries()).isEqualTo(2);

        quality(FEB_START.toEpochMilli() + 60_000, 5.0);
        harness.processWatermark(FEB_END.toEpochMilli() + LATENESS.toMillis() + HORIZON.toMillis() + HOUR);

        assertThat(out()).extracting(LedgerEntry::status)
                .containsExactly(LedgerStatus.PROVISIONAL, LedgerStatus.PROVISIONAL, LedgerStatus.FINAL);
        assertThat(harness.getSideOutput(AgreementLedger.BEYOND_HORIZON)).singleElement()
                .satisfies(r -> assertThat(r.getValue().value()).isEqualTo(5.0));
        assertThat(keyedStateEntries()).isEqualTo(2);
    }

    @Test
    void aReadingRoutedBeforeThisTasksRegistryNamesTheAgreementWaitsAndCounts() throws Exception {
        harness.processBroadcastElement(new RegistryUpdate(fluxAgreement().key(), null), 0);
        long start = FEB_START.toEpochMilli();
        quality(start, 1.21);
        flow(start, 100.0);
        // within the registry wait (1 h of event time) they wait; after it they would be left out
        harness.processWatermark(start + HOUR / 2);
        assertThat(out()).isEmpty();

        harness.processBroadcastElement(TestRegistry.update(fluxAgreement()), 0);
        quality(start + HOUR, 1.21);
        flow(start + HOUR, 100.0);
        harness.processWatermark(FEB_END.toEpochMilli() + LATENESS.toMillis());

        // both hours count: 2 × ¥756.00
        assertThat(out()).filteredOn(e -> e.status() == LedgerStatus.FINAL).singleElement()
                .satisfies(e -> assertThat(e.amountCny()).isEqualTo(new BigDecimal("1512.00")));
    }

    /**
     * January 2026 (Shanghai: from 2025-12-31T16:00Z) has NH3-N 1.00 mg/L, February 0.90 mg/L (one hour each).
     * Class: both ≤ 1.0 (class III limit, GB 3838 Table 1) and > 0.5 (class II): class III, 0 steps, class term ¥0.
     * Index = NH3-N / 1.0: January 1.0000, February 0.9000.
     * January has no prior index: no change term, nobody pays.
     * February: (0.9000 − 1.0000) / 1.0000 × 100 = −10 percentage points × ¥1 000 000 = ¥10 000 000.00,
     * below the ¥40 000 000 cap; a fall, so the downstream county pays the upstream county.
     * January's state goes at its horizon (1 day after its end), long before February settles: its index stays.
     */
    @Test
    void classStepComparesFebruarysIndexWithJanuarysSettledIndexAfterJanuarysStateIsGone() throws Exception {
        harness.processBroadcastElement(TestRegistry.update(classStepAgreement()), 0);
        long janStart = Instant.parse("2025-12-31T16:00:00Z").toEpochMilli();
        harness.processElement(new SectionReading(CLASS_STEP, TestRegistry.QUALITY_STATION, janStart, "nh3n", 1.00),
                janStart);
        harness.processWatermark(FEB_START.toEpochMilli() + LATENESS.toMillis() + HORIZON.toMillis() + HOUR);
        long feb = FEB_START.toEpochMilli() + 5 * HOUR;
        harness.processElement(new SectionReading(CLASS_STEP, TestRegistry.QUALITY_STATION, feb, "nh3n", 0.90), feb);
        harness.processWatermark(FEB_END.toEpochMilli() + LATENESS.toMillis());

        List<LedgerEntry> finals = out().stream().filter(e -> e.status() == LedgerStatus.FINAL).toList();
        assertThat(finals).extracting(LedgerEntry::period).containsExactly("2026-01", "2026-02");
        LedgerEntry jan = finals.get(0);
        assertThat(jan.inputs().index()).isEqualByComparingTo("1.0000");
        assertThat(jan.amountCny()).isEqualTo(new BigDecimal("0.00"));
        LedgerEntry feb2 = finals.get(1);
        assertThat(feb2.inputs().index()).isEqualByComparingTo("0.9000");
        assertThat(feb2.amountCny()).isEqualTo(new BigDecimal("10000000.00"));
        assertThat(feb2.payer()).isEqualTo(TestRegistry.DOWNSTREAM);
        assertThat(feb2.payee()).isEqualTo(TestRegistry.UPSTREAM);
        assertThat(feb2.prevHash()).isEqualTo(jan.hash());
    }

    /**
     * An amendment raises the NH3-N price from ¥10 000 to ¥20 000 per tonne, effective 2026-02-01, after
     * February's FINAL (¥7 560.00, see the class comment). February is not recomputed: its correction
     * for late data (hour 1 becomes 1.31 mg/L: 0.792 t, see the correction test) stays at the version it
     * was settled under, 0.792 × 10 000 = ¥7 920.00 (not 0.792 × 20 000 = ¥15 840.00).
     * March (from 2026-02-28T16:00Z) settles under the amendment: one hour at 1.21 mg/L and 100 m³/s,
     * 0.0756 t × ¥20 000 = ¥1 512.00 (under the old price it would be ¥756.00).
     */
    @Test
    void anAmendmentTakesEffectForLaterPeriodsAndNeverRecomputesASettledOne() throws Exception {
        tenHours();
        harness.processWatermark(FEB_END.toEpochMilli() + LATENESS.toMillis());
        harness.processBroadcastElement(TestRegistry.update(fluxAgreement("20000", LocalDate.of(2026, 2, 1))), 0);

        quality(FEB_START.toEpochMilli() + 60_000, 1.41);
        quality(FEB_START.toEpochMilli() + 120_000, 1.31);
        quality(FEB_END.toEpochMilli(), 1.21);
        flow(FEB_END.toEpochMilli(), 100.0);
        harness.processWatermark(FEB_END.toEpochMilli() + 2 * HOUR);
        harness.processWatermark(Instant.parse("2026-03-31T16:00:00Z").toEpochMilli() + LATENESS.toMillis());

        List<LedgerEntry> chained = out().stream().filter(e -> e.status().isChained()).toList();
        assertThat(chained).extracting(LedgerEntry::period, LedgerEntry::status, LedgerEntry::amountCny)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2026-02", LedgerStatus.FINAL, new BigDecimal("7560.00")),
                        org.assertj.core.groups.Tuple.tuple("2026-02", LedgerStatus.CORRECTION, new BigDecimal("7920.00")),
                        org.assertj.core.groups.Tuple.tuple("2026-03", LedgerStatus.FINAL, new BigDecimal("1512.00")));
        assertThat(LedgerHashChain.verify(chained).intact()).isTrue();
    }

    /** Readings from before the agreement's effective date (2026-01-01) are not its data: no entry at all. */
    @Test
    void readingsBeforeTheEffectiveDateDoNotCount() throws Exception {
        long dec = Instant.parse("2025-12-01T00:00:00Z").toEpochMilli();
        quality(dec, 1.21);
        flow(dec, 100.0);
        harness.processWatermark(Instant.parse("2025-12-31T16:00:00Z").toEpochMilli() + LATENESS.toMillis());
        assertThat(out()).isEmpty();
    }
}
