package org.ecovalue.jobs.compensation;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.ecovalue.jobs.registry.RegistryState;
import org.ecovalue.jobs.registry.RegistryUpdate;
import org.ecovalue.schemas.compensation.CompensationCalculator;
import org.ecovalue.schemas.compensation.CompensationLedger;
import org.ecovalue.schemas.compensation.CompensationOutcome;
import org.ecovalue.schemas.ledger.LedgerEntry;
import org.ecovalue.schemas.ledger.LedgerStatus;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.RegistryItemCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger of one {@code service-value-share} agreement (keyed by agreement id, registry broadcast):
 * the upstream unit's daily inventory values ({@link InventoryValueRouting}) collected per period
 * ({@link ServiceValueFigures}) and priced with the agreement's share (REFERENCE.md §4.4).
 * The same life cycle as {@link AgreementLedger}: PROVISIONAL at most every {@code provisionalEvery}
 * of event time, FINAL when the watermark passes period end + {@code allowedLateness} (the inventory
 * issues the FINAL figure of a period's last day at that same instant, before the watermark that
 * passes it), one CORRECTION when a revised inventory figure changes a settled period within
 * {@code settlementHorizon}; beyond it a figure is reported (log line, metric), not applied.
 * A settled period keeps the agreement version of its FINAL entry for its corrections.
 */
public class ServiceValueLedger
        extends KeyedBroadcastProcessFunction<String, ServiceValueReading, RegistryUpdate, LedgerEntry> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ServiceValueLedger.class);

    private final SettlementTerms terms;

    private transient RegistryState registry;
    private transient MapState<String, byte[]> periods;
    private transient ValueState<String> chainHead;
    private transient Counter beyondHorizon;
    private transient Counter noAgreement;
    private transient Counter badRegistryItems;

    public ServiceValueLedger(Duration allowedLateness, Duration settlementHorizon, Duration provisionalEvery) {
        this.terms = SettlementTerms.of(allowedLateness, settlementHorizon, provisionalEvery);
    }

    @Override
    public void open(OpenContext openContext) {
        registry = new RegistryState();
        periods = getRuntimeContext().getMapState(new MapStateDescriptor<>("service-value-periods", Types.STRING,
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        chainHead = getRuntimeContext().getState(new ValueStateDescriptor<>("service-value-chain-head", Types.STRING));
        beyondHorizon = getRuntimeContext().getMetricGroup().counter("serviceValueFiguresBeyondHorizon");
        noAgreement = getRuntimeContext().getMetricGroup().counter("serviceValueFiguresWithoutAgreement");
        badRegistryItems = getRuntimeContext().getMetricGroup().counter("serviceValueLedgerBadRegistryItems");
    }

    @Override
    public void processElement(ServiceValueReading v, ReadOnlyContext ctx, Collector<LedgerEntry> out) throws Exception {
        Optional<Agreement> agreement = registry.registry(ctx.getBroadcastState(RegistryState.DESCRIPTOR))
                .agreement(ctx.getCurrentKey());
        if (agreement.isEmpty()) {
            // routed with the registry of the routing task; removed since
            noAgreement.inc();
            LOG.warn("event=service-value-figure-dropped agreement={} holder={} day={} reason=agreement-unknown",
                    v.agreementId(), v.holderId(), v.day());
            return;
        }
        Agreement a = agreement.get();
        String period = a.period().label(LocalDate.parse(v.day()));
        long settleAt = a.period().end(period, a.zone()).toEpochMilli() + terms.allowedLatenessMs();
        long watermark = ctx.timerService().currentWatermark();
        byte[] bookBytes = periods.get(period);
        if (watermark >= settleAt + terms.horizonMs() || (bookBytes == null && watermark >= settleAt)) {
            beyondHorizon.inc();
            LOG.warn("event=compensation-late-figure-not-applied agreement={} period={} holder={} product={} day={}"
                    + " revision={} reason=beyond-settlement-horizon", a.id(), period, v.holderId(), v.product(),
                    v.day(), v.revision());
            return;
        }
        PeriodBook<ServiceValueFigures> book = bookBytes == null ? PeriodBook.open(ServiceValueFigures.empty())
                : SettlementTerms.read(bookBytes);
        ServiceValueFigures next = book.data().with(v);
        if (next == book.data()) {
            return;
        }
        periods.put(period, SettlementTerms.write(book.withData(next)));
        long now = Math.max(ctx.timestamp() == null ? watermark + 1 : ctx.timestamp(), watermark + 1);
        ctx.timerService().registerEventTimeTimer(book.settled() ? watermark + 1 : Math.min(now, settleAt));
        ctx.timerService().registerEventTimeTimer(settleAt);
        ctx.timerService().registerEventTimeTimer(settleAt + terms.horizonMs());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<LedgerEntry> out) throws Exception {
        Optional<Agreement> agreement = registry.registry(ctx.getBroadcastState(RegistryState.DESCRIPTOR))
                .agreement(ctx.getCurrentKey());
        if (agreement.isEmpty()) {
            return;
        }
        Agreement a = agreement.get();
        TreeMap<String, byte[]> books = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : periods.entries()) {
            books.put(e.getKey(), e.getValue());
        }
        List<String> gone = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : books.entrySet()) {
            String period = e.getKey();
            PeriodBook<ServiceValueFigures> book = SettlementTerms.read(e.getValue());
            long settleAt = a.period().end(period, a.zone()).toEpochMilli() + terms.allowedLatenessMs();
            PeriodBook<ServiceValueFigures> next = book;
            if (!book.settled() && timestamp >= settleAt) {
                emit(out, a, period, book.data(), LedgerStatus.FINAL, 0, timestamp);
                next = book.finalIssued(RegistryItemCodec.encode(a));
            } else if (book.settled() && book.changedSinceFinal()) {
                emit(out, AgreementVersions.decode(book.settledVersion()), period, book.data(), LedgerStatus.CORRECTION,
                        book.revision() + 1, timestamp);
                next = book.correctionIssued();
            } else if (!book.settled() && !book.data().isEmpty() && book.provisionalDue(timestamp, terms.provisionalEveryMs())) {
                emit(out, a, period, book.data(), LedgerStatus.PROVISIONAL, 0, timestamp);
                next = book.provisionalAt(timestamp);
            }
            if (timestamp >= settleAt + terms.horizonMs()) {
                gone.add(period);
            } else if (next != book) {
                periods.put(period, SettlementTerms.write(next));
            }
        }
        for (String period : gone) {
            periods.remove(period);
            LOG.info("event=compensation-period-closed agreement={} period={}", a.id(), period);
        }
    }

    private void emit(Collector<LedgerEntry> out, Agreement a, String period, ServiceValueFigures figures,
                      LedgerStatus status, int revision, long timestamp) throws Exception {
        CompensationOutcome outcome = CompensationCalculator.of(a).calculate(figures.of(a.upstreamParty(), period));
        LedgerEntry entry = LedgerChain.append(CompensationLedger.entry(a, outcome, status, revision, timestamp,
                timestamp), chainHead);
        LOG.info("event=ledger-entry agreement={} period={} status={} revision={} payer={} payee={} amountCny={}"
                        + " belowMinCompleteness={}", a.id(), period, status, revision, entry.payer(), entry.payee(),
                entry.amountCny().toPlainString(), outcome.belowMinCompleteness());
        out.collect(entry);
    }

    @Override
    public void processBroadcastElement(RegistryUpdate update, Context ctx, Collector<LedgerEntry> out) throws Exception {
        if (LedgerRegistry.apply(update, ctx.getBroadcastState(RegistryState.DESCRIPTOR), badRegistryItems)) {
            registry.changed();
        }
    }

}
