package org.ecovalue.jobs.inventory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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

/**
 * A daily product per unit (keyed by unit) and calendar day in {@code zone}, with the life cycle of
 * {@link DailyWaterResource}: LIVE figures at most every {@code liveEvery} of event time while the day
 * is open, FINAL when the watermark passes the day's end plus {@code allowedLateness}, a new FINAL with
 * a higher revision for each late sample until {@code lateHorizon}; samples beyond the horizon are
 * counted ({@code lateSamples}) and dropped here — the job routes them to its late side output before
 * they reach the inventory. State of a day is removed at its horizon.
 *
 * @param <S> sample
 * @param <D> the day's figures
 */
public abstract class DailyInventory<S, D extends DayFigures<D, S>>
        extends KeyedProcessFunction<String, S, InventoryRecord> {

    private static final long serialVersionUID = 1L;

    private final Class<D> figuresType;
    protected final ZoneId zone;
    private final long allowedLatenessMs;
    private final long lateHorizonMs;
    private final long liveEveryMs;

    private transient MapState<Long, D> days;
    private transient Counter lateSamples;

    protected DailyInventory(Class<D> figuresType, ZoneId zone, Duration allowedLateness, Duration lateHorizon,
                             Duration liveEvery) {
        this.figuresType = figuresType;
        this.zone = zone;
        this.allowedLatenessMs = allowedLateness.toMillis();
        this.lateHorizonMs = lateHorizon.toMillis();
        this.liveEveryMs = liveEvery.toMillis();
        if (lateHorizonMs < allowedLatenessMs || allowedLatenessMs <= 0 || liveEveryMs <= 0) {
            throw new IllegalArgumentException("need 0 < allowedLateness <= lateHorizon and a positive liveEvery");
        }
    }

    /** Event time of a sample, epoch ms. */
    protected abstract long eventTime(S sample);

    /** Empty figures for the day that starts at {@code dayStartMs}, described by its first sample. */
    protected abstract D empty(S sample, long dayStartMs);

    /** The inventory record of these figures, or null while they have no quantity to report. */
    protected abstract InventoryRecord record(String unitId, LocalDate day, D figures, InventoryStatus status,
                                              int revision, long atMs);

    @Override
    public void open(OpenContext openContext) {
        days = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("days", Types.LONG, TypeInformation.of(figuresType)));
        lateSamples = getRuntimeContext().getMetricGroup().counter("lateSamples");
    }

    @Override
    public void processElement(S s, Context ctx, Collector<InventoryRecord> out) throws Exception {
        long ts = eventTime(s);
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(ts), zone);
        long start = day.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        if (end + lateHorizonMs <= ctx.timerService().currentWatermark()) {
            lateSamples.inc();
            return;
        }
        D held = days.get(start);
        D now = (held == null ? empty(s, start) : held).plus(s);
        String unit = ctx.getCurrentKey();
        if (now.isFinal()) {
            now = now.finalised();
            emit(unit, day, now, InventoryStatus.FINAL, ts, out);
        } else if (now.lastLiveMs() == Long.MIN_VALUE || ts >= now.lastLiveMs() + liveEveryMs) {
            now = now.liveAt(ts);
            emit(unit, day, now, InventoryStatus.LIVE, ts, out);
        }
        if (held == null) {
            ctx.timerService().registerEventTimeTimer(end + allowedLatenessMs);
            ctx.timerService().registerEventTimeTimer(end + lateHorizonMs);
        }
        days.put(start, now);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<InventoryRecord> out) throws Exception {
        List<Long> done = new ArrayList<>();
        for (Iterator<Map.Entry<Long, D>> it = days.iterator(); it.hasNext(); ) {
            Map.Entry<Long, D> e = it.next();
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(e.getKey()), zone);
            long end = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
            D d = e.getValue();
            if (!d.isFinal() && end + allowedLatenessMs <= timestamp) {
                d = d.finalised();
                emit(ctx.getCurrentKey(), day, d, InventoryStatus.FINAL, timestamp, out);
                e.setValue(d);
            }
            if (end + lateHorizonMs <= timestamp) {
                done.add(e.getKey());
            }
        }
        for (Long start : done) {
            days.remove(start);
        }
    }

    private void emit(String unitId, LocalDate day, D d, InventoryStatus status, long atMs,
                      Collector<InventoryRecord> out) {
        InventoryRecord r = record(unitId, day, d, status, status == InventoryStatus.LIVE ? 0 : d.revision(),
                Math.max(0, atMs));
        if (r != null) {
            out.collect(r);
        }
    }
}
