package org.ecovalue.jobs.inventory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.registry.PeriodKind;

/**
 * A product per unit (keyed by unit) and period — clock hour, calendar day, month in {@code zone}, the
 * kinds it is given — with one life cycle for every kind: LIVE figures at most every {@code liveEvery} of
 * event time while the period is open, FINAL when the watermark passes the period's end plus
 * {@code allowedLateness}, a new FINAL with a higher revision for each late sample until {@code lateHorizon}
 * after the end; samples beyond the horizon of every period are counted ({@code lateSamples}) and
 * dropped here — the job routes them to its late side output before they reach the inventory. A
 * sample counts for each of its periods that is still within its horizon (an hour closes long before its
 * month). State of a period (keyed by its label, {@code 2026-11-22T08}, {@code 2026-11-22}, {@code 2026-11})
 * is removed at its horizon.
 *
 * @param <S> sample
 * @param <D> the period's figures
 */
public abstract class PeriodInventory<S, D extends PeriodFigures<D, S>>
        extends KeyedProcessFunction<String, S, InventoryRecord> {

    private static final long serialVersionUID = 1L;

    private final Class<D> figuresType;
    protected final ZoneId zone;
    private final List<PeriodKind> kinds;
    private final long allowedLatenessMs;
    private final long lateHorizonMs;
    private final long liveEveryMs;

    private transient MapState<String, D> periods;
    private transient Counter lateSamples;
    /**
     * Periods by label. Working out a period's bounds parses its label in the zone, and every timer looks at
     * every open period of its key: uncached, that parsing took a third of the job's CPU time (JFR, the
     * throughput benchmark). Labels are few and shared by all keys; the cache starts over when it is full.
     */
    private transient Map<String, InventoryPeriod> periodByLabel;
    private static final int PERIOD_CACHE_SIZE = 4_096;

    protected PeriodInventory(Class<D> figuresType, ZoneId zone, List<PeriodKind> kinds, Duration allowedLateness,
                              Duration lateHorizon, Duration liveEvery) {
        this.figuresType = figuresType;
        this.zone = zone;
        this.kinds = List.copyOf(kinds);
        this.allowedLatenessMs = allowedLateness.toMillis();
        this.lateHorizonMs = lateHorizon.toMillis();
        this.liveEveryMs = liveEvery.toMillis();
        if (lateHorizonMs < allowedLatenessMs || allowedLatenessMs <= 0 || liveEveryMs <= 0) {
            throw new IllegalArgumentException("need 0 < allowedLateness <= lateHorizon and a positive liveEvery");
        }
        if (this.kinds.isEmpty() || this.kinds.contains(PeriodKind.YEAR)) {
            throw new IllegalArgumentException("periods are hours, days or months, at least one: " + kinds);
        }
    }

    /** Event time of a sample, epoch ms. */
    protected abstract long eventTime(S sample);

    /** Empty figures for {@code period}, described by its first sample. */
    protected abstract D empty(S sample, InventoryPeriod period);

    /** The inventory record of these figures, or null while they have no quantity to report. */
    protected abstract InventoryRecord record(String unitId, InventoryPeriod period, D figures, InventoryStatus status,
                                              int revision, long atMs);

    @Override
    public void open(OpenContext openContext) {
        periods = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("periods", Types.STRING, TypeInformation.of(figuresType)));
        lateSamples = getRuntimeContext().getMetricGroup().counter("lateSamples");
        periodByLabel = new HashMap<>();
    }

    private InventoryPeriod period(String label) {
        InventoryPeriod p = periodByLabel.get(label);
        if (p == null) {
            if (periodByLabel.size() >= PERIOD_CACHE_SIZE) {
                periodByLabel.clear();
            }
            p = InventoryPeriod.ofLabel(label, zone);
            periodByLabel.put(label, p);
        }
        return p;
    }

    @Override
    public void processElement(S s, Context ctx, Collector<InventoryRecord> out) throws Exception {
        long ts = eventTime(s);
        long watermark = ctx.timerService().currentWatermark();
        boolean counted = false;
        for (PeriodKind kind : kinds) {
            InventoryPeriod p = period(kind.label(Instant.ofEpochMilli(ts), zone));
            if (p.endMs() + lateHorizonMs <= watermark) {
                continue;
            }
            counted = true;
            D held = periods.get(p.label());
            D now = (held == null ? empty(s, p) : held).plus(s);
            String unit = ctx.getCurrentKey();
            if (now.isFinal() || p.endMs() + allowedLatenessMs <= watermark) {
                // a revision of a FINAL figure, or the first sample of a period already past its FINAL
                // deadline (its timer would lie behind the watermark and fire only if event time moves on)
                now = now.finalised();
                emit(unit, p, now, InventoryStatus.FINAL, ts, out);
            } else if (now.lastLiveMs() == Long.MIN_VALUE || ts >= now.lastLiveMs() + liveEveryMs) {
                now = now.liveAt(ts);
                emit(unit, p, now, InventoryStatus.LIVE, ts, out);
            }
            if (held == null) {
                ctx.timerService().registerEventTimeTimer(p.endMs() + allowedLatenessMs);
                ctx.timerService().registerEventTimeTimer(p.endMs() + lateHorizonMs);
            }
            periods.put(p.label(), now);
        }
        if (!counted) {
            lateSamples.inc();
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<InventoryRecord> out) throws Exception {
        List<String> done = new ArrayList<>();
        for (Iterator<Map.Entry<String, D>> it = periods.iterator(); it.hasNext(); ) {
            Map.Entry<String, D> e = it.next();
            InventoryPeriod p = period(e.getKey());
            D d = e.getValue();
            if (!d.isFinal() && p.endMs() + allowedLatenessMs <= timestamp) {
                d = d.finalised();
                emit(ctx.getCurrentKey(), p, d, InventoryStatus.FINAL, timestamp, out);
                e.setValue(d);
            }
            if (p.endMs() + lateHorizonMs <= timestamp) {
                done.add(e.getKey());
            }
        }
        for (String label : done) {
            periods.remove(label);
        }
    }

    private void emit(String unitId, InventoryPeriod p, D d, InventoryStatus status, long atMs,
                      Collector<InventoryRecord> out) {
        InventoryRecord r = record(unitId, p, d, status, status == InventoryStatus.LIVE ? 0 : d.revision(),
                Math.max(0, atMs));
        if (r != null) {
            out.collect(r);
        }
    }
}
