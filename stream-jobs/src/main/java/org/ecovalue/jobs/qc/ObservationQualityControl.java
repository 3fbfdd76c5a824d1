package org.ecovalue.jobs.qc;

import java.time.Duration;
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
import org.apache.flink.util.OutputTag;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Reading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quality control of one station's observations (keyed by station): every reading leaves with a
 * {@code qc} verdict, none is dropped except an exact duplicate.
 *
 * <ul>
 *   <li>duplicates of (station, parameter, event time) are dropped — ingest is at-least-once
 *       (DESIGN.md "Semantics") — and counted; the memory of what was seen lasts {@code lateHorizon}
 *       of event time, after which a repeat is late anyway;</li>
 *   <li>a flag other than N keeps the reading with verdict {@code flag-X} (HJ 212-2017 Table 8);</li>
 *   <li>a value outside {@link PlausibleRange} gets {@code out-of-range};</li>
 *   <li>a sensor whose value has not moved at all for {@code flatLineAfter} of event time is stuck:
 *       from then on its identical readings get {@code flat-line} (real signals jitter; a frozen
 *       A/D converter or a stalled float repeats the last value);</li>
 *   <li>an observation older than the watermark by more than {@code lateHorizon} can no longer revise
 *       any figure: it goes whole to {@link #LATE} and the {@code lateObservations} metric.</li>
 * </ul>
 *
 * Per station it keeps the keys seen and one {@link SensorRun} per parameter; an event-time timer at
 * each observation's time + {@code lateHorizon} removes what is older, so a station that goes silent
 * leaves nothing behind.
 */
public class ObservationQualityControl extends KeyedProcessFunction<String, Observation, Observation> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ObservationQualityControl.class);

    /** Observations too late to change any figure. */
    public static final OutputTag<Observation> LATE =
            new OutputTag<>("late-observations", TypeInformation.of(Observation.class));

    private final long lateHorizonMs;
    private final long flatLineAfterMs;

    private transient MapState<String, Long> seen;
    private transient MapState<String, SensorRun> runs;
    private transient Counter duplicates;
    private transient Counter late;
    private transient Counter excluded;

    public ObservationQualityControl(Duration lateHorizon, Duration flatLineAfter) {
        this.lateHorizonMs = lateHorizon.toMillis();
        this.flatLineAfterMs = flatLineAfter.toMillis();
        if (lateHorizonMs <= 0 || flatLineAfterMs <= 0) {
            throw new IllegalArgumentException("lateHorizon and flatLineAfter must be positive");
        }
    }

    @Override
    public void open(OpenContext openContext) {
        seen = getRuntimeContext().getMapState(new MapStateDescriptor<>("seen", Types.STRING, Types.LONG));
        runs = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("sensor-runs", Types.STRING, TypeInformation.of(SensorRun.class)));
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicateReadings");
        late = getRuntimeContext().getMetricGroup().counter("lateObservations");
        excluded = getRuntimeContext().getMetricGroup().counter("excludedReadings");
    }

    @Override
    public void processElement(Observation obs, Context ctx, Collector<Observation> out) throws Exception {
        long ts = obs.ts().toEpochMilli();
        if (ts + lateHorizonMs <= ctx.timerService().currentWatermark()) {
            late.inc();
            LOG.info("event=late-observation station={} ts={} watermark={} horizonMs={}",
                    obs.station(), obs.ts(), ctx.timerService().currentWatermark(), lateHorizonMs);
            ctx.output(LATE, obs);
            return;
        }
        List<Reading> checked = new ArrayList<>(obs.readings().size());
        for (Reading r : obs.readings()) {
            String key = r.param() + "@" + ts;
            if (seen.contains(key)) {
                duplicates.inc();
                continue;
            }
            seen.put(key, ts);
            String verdict = verdict(r, ts);
            if (!QcVerdict.counts(verdict)) {
                excluded.inc();
            }
            checked.add(r.withQc(verdict));
        }
        ctx.timerService().registerEventTimeTimer(ts + lateHorizonMs);
        if (!checked.isEmpty()) {
            out.collect(obs.withReadings(checked));
        }
    }

    private String verdict(Reading r, long ts) throws Exception {
        if (!r.flag().countsTowardsFigures()) {
            return QcVerdict.flagged(r.flag());
        }
        if (!Double.isFinite(r.value())) {
            return QcVerdict.NOT_FINITE;
        }
        if (PlausibleRange.of(r.param()).map(range -> !range.contains(r.value())).orElse(false)) {
            return QcVerdict.OUT_OF_RANGE;
        }
        SensorRun before = runs.get(r.param());
        if (before != null && ts < before.tsMillis()) {
            // out of order: the run is about the sequence in time, an older reading neither extends nor breaks it
            return QcVerdict.OK;
        }
        SensorRun now = before == null ? new SensorRun(r.value(), ts, ts) : before.next(r.value(), ts);
        runs.put(r.param(), now);
        return now.lengthMillis() >= flatLineAfterMs ? QcVerdict.FLAT_LINE : QcVerdict.OK;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Observation> out) throws Exception {
        long forgetUpTo = timestamp - lateHorizonMs;
        for (Iterator<Map.Entry<String, Long>> it = seen.iterator(); it.hasNext(); ) {
            if (it.next().getValue() <= forgetUpTo) {
                it.remove();
            }
        }
        for (Iterator<Map.Entry<String, SensorRun>> it = runs.iterator(); it.hasNext(); ) {
            if (it.next().getValue().tsMillis() <= forgetUpTo) {
                it.remove();
            }
        }
        // an emptied map still counts as state until cleared
        if (seen.isEmpty()) {
            seen.clear();
        }
        if (runs.isEmpty()) {
            runs.clear();
        }
    }
}
