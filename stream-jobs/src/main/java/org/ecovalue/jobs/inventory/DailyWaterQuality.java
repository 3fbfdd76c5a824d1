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
import org.ecovalue.schemas.inventory.Quantity;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.standards.water.WaterAssessment;

/**
 * The {@code water_quality} product per unit (keyed by unit) and calendar day in {@code zone}: grade =
 * GB 3838-2002 class of the day's mean concentrations of the real-time factors at the unit's outlet
 * sections; quantity = share (%) of valid observations at or better than class III; completeness
 * against the quality stations' reporting intervals. LIVE / FINAL / revisions exactly as
 * {@link DailyWaterResource}.
 */
public class DailyWaterQuality extends KeyedProcessFunction<String, QualitySample, InventoryRecord> {

    private static final long serialVersionUID = 1L;

    /** GEP classification: water purification is a regulating service (REFERENCE.md §5). */
    public static final String FUNCTION = "regulating: water purification";

    private final ZoneId zone;
    private final long allowedLatenessMs;
    private final long lateHorizonMs;
    private final long liveEveryMs;

    private transient MapState<Long, DayQuality> days;
    private transient Counter lateSamples;

    public DailyWaterQuality(ZoneId zone, Duration allowedLateness, Duration lateHorizon, Duration liveEvery) {
        this.zone = zone;
        this.allowedLatenessMs = allowedLateness.toMillis();
        this.lateHorizonMs = lateHorizon.toMillis();
        this.liveEveryMs = liveEvery.toMillis();
        if (lateHorizonMs < allowedLatenessMs || allowedLatenessMs <= 0 || liveEveryMs <= 0) {
            throw new IllegalArgumentException("need 0 < allowedLateness <= lateHorizon and a positive liveEvery");
        }
    }

    @Override
    public void open(OpenContext openContext) {
        days = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("days", Types.LONG, TypeInformation.of(DayQuality.class)));
        lateSamples = getRuntimeContext().getMetricGroup().counter("lateSamples");
    }

    @Override
    public void processElement(QualitySample s, Context ctx, Collector<InventoryRecord> out) throws Exception {
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(s.tsMillis()), zone);
        long start = day.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        if (end + lateHorizonMs <= ctx.timerService().currentWatermark()) {
            lateSamples.inc();
            return;
        }
        DayQuality held = days.get(start);
        DayQuality now = (held == null ? DayQuality.first(s) : held).plus(s);
        if (now.isFinal()) {
            now = now.finalised();
            emit(s.unitId(), day, now, InventoryStatus.FINAL, s.tsMillis(), out);
        } else if (now.lastLiveMs() == Long.MIN_VALUE || s.tsMillis() >= now.lastLiveMs() + liveEveryMs) {
            now = now.liveAt(s.tsMillis());
            emit(s.unitId(), day, now, InventoryStatus.LIVE, s.tsMillis(), out);
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
        for (Iterator<Map.Entry<Long, DayQuality>> it = days.iterator(); it.hasNext(); ) {
            Map.Entry<Long, DayQuality> e = it.next();
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(e.getKey()), zone);
            long end = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
            DayQuality q = e.getValue();
            if (!q.isFinal() && end + allowedLatenessMs <= timestamp) {
                q = q.finalised();
                emit(ctx.getCurrentKey(), day, q, InventoryStatus.FINAL, timestamp, out);
                e.setValue(q);
            }
            if (end + lateHorizonMs <= timestamp) {
                done.add(e.getKey());
            }
        }
        for (Long start : done) {
            days.remove(start);
        }
    }

    private void emit(String unitId, LocalDate day, DayQuality q, InventoryStatus status, long atMs,
                      Collector<InventoryRecord> out) {
        String grade = q.classOfMeans().map(WaterAssessment::waterClass).map(c -> c.label()).orElse(null);
        out.collect(new InventoryRecord(unitId, q.unitName(), q.unitKind(), EcoProduct.WATER_QUALITY,
                PeriodKind.DAY.label(day), status, status == InventoryStatus.LIVE ? 0 : q.revision(),
                new Quantity(100 * q.shareAtOrBetterThanIII(), "%"), grade, null, FUNCTION, null, q.completeness(),
                List.copyOf(q.stationSet()), Math.max(0, atMs)));
    }
}
