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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code water_resource} product per unit (keyed by unit) and calendar day in {@code zone}:
 * the volume that left the unit through its outlet sections, flow integrated over time (each valid
 * reading stands for its station's reporting interval, so 12 five-minute readings of 35.2 m³/s are
 * 35.2 × 3600 = 126 720 m³), with its completeness and contributing stations.
 *
 * <p>While a day is open a LIVE figure goes out at most every {@code liveEvery} of event time. When the
 * watermark passes the day's end + {@code allowedLateness} the FINAL figure (revision 1) goes out; a
 * sample that still arrives before end + {@code lateHorizon} produces a new FINAL with the next
 * revision; then the day's state is dropped (a later sample is counted as {@code lateSamples}).
 */
public class DailyWaterResource extends KeyedProcessFunction<String, FlowSample, InventoryRecord> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DailyWaterResource.class);

    /** GEP classification of water yield: a provisioning service (REFERENCE.md §5). */
    public static final String FUNCTION = "provisioning: water supply";

    private final ZoneId zone;
    private final long allowedLatenessMs;
    private final long lateHorizonMs;
    private final long liveEveryMs;

    private transient MapState<Long, DayVolume> days;
    private transient Counter lateSamples;

    public DailyWaterResource(ZoneId zone, Duration allowedLateness, Duration lateHorizon, Duration liveEvery) {
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
                new MapStateDescriptor<>("days", Types.LONG, TypeInformation.of(DayVolume.class)));
        lateSamples = getRuntimeContext().getMetricGroup().counter("lateSamples");
    }

    @Override
    public void processElement(FlowSample s, Context ctx, Collector<InventoryRecord> out) throws Exception {
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(s.tsMillis()), zone);
        long start = day.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        if (end + lateHorizonMs <= ctx.timerService().currentWatermark()) {
            lateSamples.inc();
            LOG.info("event=late-sample unit={} station={} ts={}", s.unitId(), s.stationId(), Instant.ofEpochMilli(s.tsMillis()));
            return;
        }
        DayVolume held = days.get(start);
        DayVolume now = (held == null ? DayVolume.first(s) : held).plus(s);
        if (now.isFinal()) {
            now = now.finalised();
            out.collect(record(s.unitId(), day, now, InventoryStatus.FINAL, s.tsMillis()));
        } else if (now.lastLiveMs() == Long.MIN_VALUE || s.tsMillis() >= now.lastLiveMs() + liveEveryMs) {
            now = now.liveAt(s.tsMillis());
            out.collect(record(s.unitId(), day, now, InventoryStatus.LIVE, s.tsMillis()));
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
        for (Iterator<Map.Entry<Long, DayVolume>> it = days.iterator(); it.hasNext(); ) {
            Map.Entry<Long, DayVolume> e = it.next();
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(e.getKey()), zone);
            long end = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
            DayVolume v = e.getValue();
            if (!v.isFinal() && end + allowedLatenessMs <= timestamp) {
                v = v.finalised();
                out.collect(record(ctx.getCurrentKey(), day, v, InventoryStatus.FINAL, timestamp));
                e.setValue(v);
            }
            if (end + lateHorizonMs <= timestamp) {
                done.add(e.getKey());
            }
        }
        for (Long start : done) {
            days.remove(start);
        }
    }

    private InventoryRecord record(String unitId, LocalDate day, DayVolume v, InventoryStatus status, long atMs) {
        return new InventoryRecord(unitId, v.unitName(), v.unitKind(), EcoProduct.WATER_RESOURCE,
                PeriodKind.DAY.label(day), status, status == InventoryStatus.LIVE ? 0 : v.revision(),
                new Quantity(v.volumeM3(), "m3"), null, null, FUNCTION, null, v.completeness(),
                List.copyOf(v.stationSet()), Math.max(0, atMs));
    }
}
