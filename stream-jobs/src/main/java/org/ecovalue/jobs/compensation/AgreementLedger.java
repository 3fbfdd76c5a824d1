package org.ecovalue.jobs.compensation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.ecovalue.jobs.registry.RegistryState;
import org.ecovalue.jobs.registry.RegistryUpdate;
import org.ecovalue.schemas.compensation.CompensationCalculator;
import org.ecovalue.schemas.compensation.CompensationLedger;
import org.ecovalue.schemas.compensation.CompensationOutcome;
import org.ecovalue.schemas.compensation.PeriodAccumulator;
import org.ecovalue.schemas.compensation.SectionPeriod;
import org.ecovalue.schemas.ledger.LedgerEntry;
import org.ecovalue.schemas.ledger.LedgerStatus;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.RegistryItemCodec;
import org.ecovalue.schemas.registry.Section;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compensation ledger of one agreement (keyed by agreement id, registry broadcast): readings are
 * paired hour by hour into {@code SectionHour}s (an hour closes when the watermark passes its end),
 * fed into the period's {@link PeriodAccumulator}, and priced with the agreement's
 * {@link CompensationCalculator}.
 * <ul>
 * <li>PROVISIONAL entries while the period is open, at most one per {@code provisionalEvery} of event time;</li>
 * <li>FINAL when the watermark passes period end + {@code allowedLateness}, sealed into the agreement's hash chain;</li>
 * <li>a reading that changes a settled period within {@code settlementHorizon} after that replaces its hour
 * ({@code withoutHour}/{@code withHour}) and yields one CORRECTION (revision + 1) at the next watermark,
 * however many late readings came before it;</li>
 * <li>beyond the horizon the period's state is gone; a reading for it goes to {@link #BEYOND_HORIZON}
 * with a metric and a log line, and changes nothing.</li>
 * </ul>
 * <b>Versions.</b> A changed agreement on {@code eco.registry} takes effect from its effective date
 * ({@link AgreementVersions}: a period settles under the version in force on its first day). A
 * settled period keeps the version its FINAL entry was computed under, also for its corrections; an
 * amendment that would have changed a settled figure is logged and counted
 * ({@code compensationChangesNotAppliedToSettled}), never applied silently.
 * <p><b>Prior index.</b> The index of the last chained entry of each period is kept (until the period
 * after it is gone) so that class-step's change term of the next period compares with it.
 * <p>{@code computedAt} and {@code watermark} of an entry are the event time of the timer that issued it,
 * not the wall clock: a replay after a failure issues the same entries with the same hashes.
 */
public class AgreementLedger extends KeyedBroadcastProcessFunction<String, SectionReading, RegistryUpdate, LedgerEntry> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AgreementLedger.class);

    public static final OutputTag<SectionReading> BEYOND_HORIZON =
            new OutputTag<>("compensation-beyond-horizon", TypeInformation.of(SectionReading.class));

    private final SettlementTerms terms;
    private final long registryWaitMs;

    /** Readings routed before this task's copy of the registry names their agreement (broadcasts reach tasks at different times). */
    static final ListStateDescriptor<SectionReading> WAITING =
            new ListStateDescriptor<>("ledger-waiting-for-agreement", TypeInformation.of(SectionReading.class));

    /** Every version of the agreement seen on the registry: effective date (ISO) → registry bytes. */
    static final MapStateDescriptor<String, byte[]> VERSIONS = new MapStateDescriptor<>("ledger-agreement-versions",
            Types.STRING, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
    static final MapStateDescriptor<String, byte[]> PERIODS = new MapStateDescriptor<>("ledger-periods",
            Types.STRING, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

    private transient RegistryState registry;
    private transient MapState<String, byte[]> versions;
    private transient MapState<String, String> settledIndex;
    private transient MapState<Long, byte[]> hours;
    private transient MapState<String, byte[]> periods;
    private transient MapState<Long, Boolean> pendingHours;
    private transient ValueState<String> chainHead;
    private transient ListState<SectionReading> waiting;
    private transient Counter beyondHorizon;
    private transient Counter badRegistryItems;
    private transient Counter noAgreement;
    private transient Counter entries;
    private transient Counter outsideAgreement;
    private transient Counter notAppliedToSettled;

    public AgreementLedger(Duration allowedLateness, Duration settlementHorizon, Duration provisionalEvery,
                           Duration registryWait) {
        this.registryWaitMs = registryWait.toMillis();
        this.terms = SettlementTerms.of(allowedLateness, settlementHorizon, provisionalEvery);
    }

    @Override
    public void open(OpenContext openContext) {
        registry = new RegistryState();
        hours = getRuntimeContext().getMapState(new MapStateDescriptor<>("ledger-hours", Types.LONG,
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        periods = getRuntimeContext().getMapState(PERIODS);
        versions = getRuntimeContext().getMapState(VERSIONS);
        settledIndex = getRuntimeContext().getMapState(new MapStateDescriptor<>("ledger-settled-index", Types.STRING,
                Types.STRING));
        pendingHours = getRuntimeContext().getMapState(new MapStateDescriptor<>("ledger-pending-hours", Types.LONG,
                Types.BOOLEAN));
        waiting = getRuntimeContext().getListState(WAITING);
        chainHead = getRuntimeContext().getState(new ValueStateDescriptor<>("ledger-chain-head", Types.STRING));
        beyondHorizon = getRuntimeContext().getMetricGroup().counter("compensationReadingsBeyondHorizon");
        badRegistryItems = getRuntimeContext().getMetricGroup().counter("compensationLedgerBadRegistryItems");
        noAgreement = getRuntimeContext().getMetricGroup().counter("compensationReadingsWithoutAgreement");
        entries = getRuntimeContext().getMetricGroup().counter("compensationLedgerEntries");
        outsideAgreement = getRuntimeContext().getMetricGroup().counter("compensationReadingsOutsideAgreementDates");
        notAppliedToSettled = getRuntimeContext().getMetricGroup().counter("compensationChangesNotAppliedToSettled");
    }

    @Override
    public void processElement(SectionReading reading, ReadOnlyContext ctx, Collector<LedgerEntry> out) throws Exception {
        Optional<Agreement> agreement = registry.registry(ctx.getBroadcastState(RegistryState.DESCRIPTOR))
                .agreement(ctx.getCurrentKey());
        if (agreement.isEmpty()) {
            // routed by a task that already knows the agreement: this task's registry catches up soon
            waiting.add(reading);
            ctx.timerService().registerEventTimeTimer(reading.at() + registryWaitMs);
            return;
        }
        remember(agreement.get(), ctx);
        drainWaiting(agreement.get(), ctx);
        add(reading, agreement.get(), ctx);
    }

    /** The version the registry holds now joins the history (an amendment arriving later joins in processBroadcastElement). */
    private void remember(Agreement a, ReadOnlyContext ctx) throws Exception {
        String key = AgreementVersions.stateKey(a);
        if (!versions.contains(key)) {
            versions.put(key, ctx.getBroadcastState(RegistryState.DESCRIPTOR).get(a.key()));
        }
    }

    /** The version a period settles under: {@code current} itself when it is that version (no decoding). */
    private Agreement versionFor(String period, Agreement current, ReadOnlyBroadcastBytes currentBytes) throws Exception {
        byte[] chosen = AgreementVersions.of(versions.entries()).encodedFor(current.period().firstDay(period));
        return chosen == null || Arrays.equals(chosen, currentBytes.get()) ? current : AgreementVersions.decode(chosen);
    }

    /** The registry bytes of the current version, looked up only when needed. */
    @FunctionalInterface
    private interface ReadOnlyBroadcastBytes {
        byte[] get() throws Exception;
    }

    private void drainWaiting(Agreement a, ReadOnlyContext ctx) throws Exception {
        List<SectionReading> held = new ArrayList<>();
        waiting.get().forEach(held::add);
        if (!held.isEmpty()) {
            waiting.clear();
            for (SectionReading r : held) {
                add(r, a, ctx);
            }
        }
    }

    private void add(SectionReading reading, Agreement a, ReadOnlyContext ctx) throws Exception {
        TimerService timers = ctx.timerService();
        long watermark = timers.currentWatermark();
        long hourStart = HourReadings.hourOf(reading.at());
        String period = a.periodOf(Instant.ofEpochMilli(hourStart));
        long periodEnd = a.period().end(period, a.zone()).toEpochMilli();
        byte[] bookBytes = periods.get(period);
        if (watermark >= periodEnd + terms.allowedLatenessMs() + terms.horizonMs() || (bookBytes == null && watermark >= periodEnd + terms.allowedLatenessMs())) {
            // REFERENCE.md §4: a settled figure changes only within the settlement horizon; after it
            // the late reading is reported, not applied.
            beyondHorizon.inc();
            LOG.warn("event=compensation-late-reading-not-applied agreement={} period={} station={} param={} ts={}"
                    + " reason=beyond-settlement-horizon", a.id(), period, reading.stationId(), reading.param(),
                    Instant.ofEpochMilli(reading.at()));
            ctx.output(BEYOND_HORIZON, reading);
            return;
        }
        Agreement version = versionFor(period, a, () -> ctx.getBroadcastState(RegistryState.DESCRIPTOR).get(a.key()));
        if (!version.inForceOn(LocalDate.ofInstant(Instant.ofEpochMilli(hourStart), a.zone()))) {
            // before the agreement (or this version of it) begins, or after it ends: not its data
            outsideAgreement.inc();
            return;
        }
        PeriodBook<PeriodAccumulator> book = bookBytes == null ? PeriodBook.open(PeriodAccumulator.empty(a, period))
                : SettlementTerms.read(bookBytes);
        byte[] hourBytes = hours.get(hourStart);
        HourReadings before = hourBytes == null ? HourReadings.empty(hourStart) : SettlementTerms.read(hourBytes);
        HourReadings after = before.plus(reading);
        hours.put(hourStart, SettlementTerms.write(after));
        if (book.data().hasHour(Instant.ofEpochMilli(hourStart))) {
            // the hour is already in the period: replace it exactly as it was fed
            book = book.withData(book.data().withoutHour(before.toHour()).withHour(after.toHour()));
            if (book.settled()) {
                timers.registerEventTimeTimer(watermark + 1);
            }
        } else {
            pendingHours.put(hourStart, true);
            timers.registerEventTimeTimer(hourStart + HourReadings.HOUR_MS);
        }
        periods.put(period, SettlementTerms.write(book));
        timers.registerEventTimeTimer(periodEnd + terms.allowedLatenessMs());
        timers.registerEventTimeTimer(periodEnd + terms.allowedLatenessMs() + terms.horizonMs());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<LedgerEntry> out) throws Exception {
        Registry r = registry.registry(ctx.getBroadcastState(RegistryState.DESCRIPTOR));
        Optional<Agreement> agreement = r.agreement(ctx.getCurrentKey());
        if (agreement.isEmpty()) {
            giveUpWaiting(timestamp);
            return;
        }
        Agreement a = agreement.get();
        drainWaiting(a, ctx);
        Section section = r.section(a.section()).orElse(null);
        if (section == null) {
            return;
        }
        feedClosedHours(a, timestamp);
        List<String> gone = new ArrayList<>();
        // period labels sort in time order: entries of one timer join the chain in a fixed order
        TreeMap<String, byte[]> books = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : periods.entries()) {
            books.put(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, byte[]> e : books.entrySet()) {
            String period = e.getKey();
            PeriodBook<PeriodAccumulator> book = SettlementTerms.read(e.getValue());
            long end = a.period().end(period, a.zone()).toEpochMilli();
            PeriodBook<PeriodAccumulator> next = book;
            ReadOnlyBroadcastBytes currentBytes = () -> ctx.getBroadcastState(RegistryState.DESCRIPTOR).get(a.key());
            if (!book.settled() && timestamp >= end + terms.allowedLatenessMs()) {
                Agreement version = versionFor(period, a, currentBytes);
                emit(out, version, section, book.data(), LedgerStatus.FINAL, 0, timestamp);
                next = book.finalIssued(RegistryItemCodec.encode(version));
            } else if (book.settled() && book.changedSinceFinal()) {
                emit(out, AgreementVersions.decode(book.settledVersion()), section, book.data(), LedgerStatus.CORRECTION,
                        book.revision() + 1, timestamp);
                next = book.correctionIssued();
            } else if (!book.settled() && book.provisionalDue(timestamp, terms.provisionalEveryMs())
                    && book.data().hoursFedCount() > 0) {
                emit(out, versionFor(period, a, currentBytes), section, book.data(), LedgerStatus.PROVISIONAL, 0,
                        timestamp);
                next = book.provisionalAt(timestamp);
            }
            if (timestamp >= end + terms.allowedLatenessMs() + terms.horizonMs()) {
                gone.add(period);
            } else if (next != book) {
                periods.put(period, SettlementTerms.write(next));
            }
        }
        for (String period : gone) {
            forget(a, period);
        }
    }

    /** Readings whose agreement did not arrive within {@code registryWait} (it was removed): counted, logged, left out. */
    private void giveUpWaiting(long timestamp) throws Exception {
        List<SectionReading> keep = new ArrayList<>();
        for (SectionReading r : waiting.get()) {
            if (r.at() + registryWaitMs <= timestamp) {
                noAgreement.inc();
                LOG.warn("event=compensation-reading-dropped agreement={} station={} ts={} reason=agreement-unknown",
                        r.agreementId(), r.stationId(), Instant.ofEpochMilli(r.at()));
            } else {
                keep.add(r);
            }
        }
        waiting.update(keep);
    }

    /** Hours whose end the watermark has passed go into their period. */
    private void feedClosedHours(Agreement a, long watermark) throws Exception {
        List<Long> closed = new ArrayList<>();
        for (Long hourStart : pendingHours.keys()) {
            if (hourStart + HourReadings.HOUR_MS <= watermark) {
                closed.add(hourStart);
            }
        }
        closed.sort(null);
        for (long hourStart : closed) {
            pendingHours.remove(hourStart);
            Instant start = Instant.ofEpochMilli(hourStart);
            String period = a.periodOf(start);
            byte[] bookBytes = periods.get(period);
            PeriodBook<PeriodAccumulator> book = bookBytes == null ? PeriodBook.open(PeriodAccumulator.empty(a, period))
                : SettlementTerms.read(bookBytes);
            if (!book.data().hasHour(start)) {
                HourReadings h = SettlementTerms.read(hours.get(hourStart));
                periods.put(period, SettlementTerms.write(book.withData(book.data().withHour(h.toHour()))));
            }
        }
    }

    private void forget(Agreement a, String period) throws Exception {
        periods.remove(period);
        List<Long> drop = new ArrayList<>();
        for (Long hourStart : hours.keys()) {
            if (a.periodOf(Instant.ofEpochMilli(hourStart)).equals(period)) {
                drop.add(hourStart);
            }
        }
        for (Long hourStart : drop) {
            hours.remove(hourStart);
        }
        // the period's own index stays: the next period's change term still compares with it
        List<String> older = new ArrayList<>();
        for (String p : settledIndex.keys()) {
            if (p.compareTo(period) < 0) {
                older.add(p);
            }
        }
        for (String p : older) {
            settledIndex.remove(p);
        }
        LOG.info("event=compensation-period-closed agreement={} period={} hours={}", a.id(), period, drop.size());
    }

    private void emit(Collector<LedgerEntry> out, Agreement a, Section section, PeriodAccumulator data,
                      LedgerStatus status, int revision, long timestamp) throws Exception {
        String prior = settledIndex.get(a.period().previous(data.period()));
        CompensationOutcome outcome = CompensationCalculator.of(a).calculate(new SectionPeriod(section, data,
                prior == null ? null : new BigDecimal(prior)));
        LedgerEntry entry = LedgerChain.append(CompensationLedger.entry(a, outcome, status, revision, timestamp,
                timestamp), chainHead);
        if (status.isChained() && entry.inputs().index() != null) {
            settledIndex.put(data.period(), entry.inputs().index().toPlainString());
        }
        entries.inc();
        LOG.info("event=ledger-entry agreement={} period={} status={} revision={} payer={} payee={} amountCny={}"
                        + " hoursFed={} belowMinCompleteness={}", a.id(), data.period(), status, revision, entry.payer(),
                entry.payee(), entry.amountCny().toPlainString(), data.hoursFedCount(), outcome.belowMinCompleteness());
        out.collect(entry);
    }

    @Override
    public void processBroadcastElement(RegistryUpdate update, Context ctx, Collector<LedgerEntry> out) throws Exception {
        if (!LedgerRegistry.apply(update, ctx.getBroadcastState(RegistryState.DESCRIPTOR), badRegistryItems)) {
            return;
        }
        registry.changed();
        if (!update.isRemoval() && RegistryItemCodec.decode(update.value()) instanceof Agreement amended) {
            takeIn(amended, update.value(), ctx);
        }
        // readings waiting for it are taken in by their agreement's next reading or timer (a broadcast
        // element cannot register the timers they need)
    }

    /**
     * An agreement version arrived: it joins the history of its ledger (if this task has one), and every
     * settled period it would have governed is reported, not recomputed (DESIGN.md "Semantics").
     */
    private void takeIn(Agreement amended, byte[] encoded, Context ctx) throws Exception {
        ctx.applyToKeyedState(VERSIONS, (key, state) -> {
            if (key.equals(amended.id())) {
                state.put(AgreementVersions.stateKey(amended), encoded);
            }
        });
        ctx.applyToKeyedState(PERIODS, (key, state) -> {
            if (!key.equals(amended.id())) {
                return;
            }
            for (Map.Entry<String, byte[]> e : state.entries()) {
                PeriodBook<PeriodAccumulator> book = SettlementTerms.read(e.getValue());
                if (book.settled() && !amended.period().firstDay(e.getKey()).isBefore(amended.effectiveFrom())
                        && !Arrays.equals(book.settledVersion(), RegistryItemCodec.encode(amended))) {
                    notAppliedToSettled.inc();
                    LOG.warn("event=agreement-change-not-applied agreement={} period={} effectiveFrom={} revision={}"
                                    + " reason=period-already-final", amended.id(), e.getKey(), amended.effectiveFrom(),
                            book.revision());
                }
            }
        });
    }

}
