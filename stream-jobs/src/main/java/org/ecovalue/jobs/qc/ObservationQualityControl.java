package org.ecovalue.jobs.qc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *       A/D converter or a stalled float repeats the last value), except at a {@link RestingValue} such as
 *       no rain or no sun;</li>
 *   <li>a reading that jumps away from the sensor's previous one by more than its {@link SpikeThreshold}
 *       is suspect: its observation is held back (state {@code held}) until the sensor's next reading
 *       tells whether it came back (verdict {@code spike}) or stayed (a change of level: {@code ok}); with
 *       no next reading within {@code spikeWait} of event time the suspect is released as {@code ok}.
 *       A held observation leaves whole, later than its neighbours, so a spike at a period's end can
 *       make that period's FINAL figure a revision;</li>
 *   <li>an observation older than the watermark by more than {@code lateHorizon} can no longer revise
 *       any figure: it goes whole to {@link #LATE} and the {@code lateObservations} metric.</li>
 * </ul>
 *
 * Per station it keeps the keys seen and one {@link SensorRun} per parameter; an event-time timer at the
 * first full hour after each observation's time + {@code lateHorizon} removes what is older, so a station
 * that goes silent leaves nothing behind.
 */
public class ObservationQualityControl extends KeyedProcessFunction<String, Observation, Observation> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ObservationQualityControl.class);

    /** Observations too late to change any figure. */
    public static final OutputTag<Observation> LATE =
            new OutputTag<>("late-observations", TypeInformation.of(Observation.class));

    /** Event time a suspect waits for the sensor's next reading: an hourly station's interval and some. */
    public static final Duration DEFAULT_SPIKE_WAIT = Duration.ofMinutes(90);
    private static final long CLEANUP_EVERY_MS = Duration.ofHours(1).toMillis();
    /** Internal verdict of a reading whose spike check waits for the next reading; never leaves. */
    private static final String SUSPECT = "suspect";

    private final long lateHorizonMs;
    private final long flatLineAfterMs;
    private final long spikeWaitMs;

    private transient MapState<String, Long> seen;
    private transient MapState<String, SensorRun> runs;
    private transient MapState<String, SpikeWatch> suspects;
    private transient MapState<Long, Observation> held;
    private transient Counter duplicates;
    private transient Counter late;
    private transient Counter excluded;
    private transient Counter spikes;

    public ObservationQualityControl(Duration lateHorizon, Duration flatLineAfter) {
        this(lateHorizon, flatLineAfter, DEFAULT_SPIKE_WAIT);
    }

    public ObservationQualityControl(Duration lateHorizon, Duration flatLineAfter, Duration spikeWait) {
        this.lateHorizonMs = lateHorizon.toMillis();
        this.flatLineAfterMs = flatLineAfter.toMillis();
        this.spikeWaitMs = spikeWait.toMillis();
        if (lateHorizonMs <= 0 || flatLineAfterMs <= 0 || spikeWaitMs <= 0) {
            throw new IllegalArgumentException("lateHorizon, flatLineAfter and spikeWait must be positive");
        }
    }

    @Override
    public void open(OpenContext openContext) {
        seen = getRuntimeContext().getMapState(new MapStateDescriptor<>("seen", Types.STRING, Types.LONG));
        runs = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("sensor-runs", Types.STRING, TypeInformation.of(SensorRun.class)));
        suspects = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("spike-suspects", Types.STRING, TypeInformation.of(SpikeWatch.class)));
        held = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("held-for-spike-check", Types.LONG, TypeInformation.of(Observation.class)));
        spikes = getRuntimeContext().getMetricGroup().counter("spikeReadings");
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
            String verdict = verdict(r, ts, out);
            if (SUSPECT.equals(verdict)) {
                ctx.timerService().registerEventTimeTimer(ts + spikeWaitMs);
            } else if (!QcVerdict.counts(verdict)) {
                excluded.inc();
            }
            checked.add(r.withQc(verdict));
        }
        ctx.timerService().registerEventTimeTimer(cleanupTime(ts));
        if (checked.isEmpty()) {
            return;
        }
        Observation before = held.get(ts);
        if (before != null) {
            // another part of a held instant: it leaves with the rest
            List<Reading> all = new ArrayList<>(before.readings());
            all.addAll(checked);
            held.put(ts, before.withReadings(all));
        } else if (checked.stream().anyMatch(r -> SUSPECT.equals(r.qc()))) {
            held.put(ts, obs.withReadings(checked));
        } else {
            out.collect(obs.withReadings(checked));
        }
    }

    /**
     * When what is remembered of {@code ts} can go: at the first full hour of event time after {@code ts +
     * lateHorizon}. One timer an hour per station instead of one per observation: each clean-up walks all
     * the station's remembered keys (two days of them by default), and per observation that walk was the
     * largest cost of quality control (JFR, the throughput benchmark).
     */
    private long cleanupTime(long ts) {
        long due = ts + lateHorizonMs;
        return Math.floorDiv(due + CLEANUP_EVERY_MS - 1, CLEANUP_EVERY_MS) * CLEANUP_EVERY_MS;
    }

    private String verdict(Reading r, long ts, Collector<Observation> out) throws Exception {
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
        if (before != null && isSuspect(r, ts, before.value(), out)) {
            return SUSPECT;
        }
        return now.lengthMillis() >= flatLineAfterMs && !RestingValue.isNatural(r.param(), r.value())
                ? QcVerdict.FLAT_LINE : QcVerdict.OK;
    }

    /**
     * Settles the sensor's open suspect with this reading, then tells whether this reading jumps away
     * from its neighbour: the value before the spike if there was one, else the previous value.
     */
    private boolean isSuspect(Reading r, long ts, double previous, Collector<Observation> out) throws Exception {
        Optional<SpikeThreshold> threshold = SpikeThreshold.of(r.param());
        if (threshold.isEmpty()) {
            return false;
        }
        double neighbour = previous;
        SpikeWatch open = suspects.get(r.param());
        if (open != null) {
            boolean spike = open.isSpikeGiven(threshold.get(), r.value());
            settle(r.param(), open, spike ? QcVerdict.SPIKE : QcVerdict.OK, out);
            neighbour = spike ? open.before() : open.suspect();
        }
        if (threshold.get().jumps(neighbour, r.value())) {
            suspects.put(r.param(), new SpikeWatch(neighbour, r.value(), ts));
            return true;
        }
        return false;
    }

    /** Gives a suspect reading its verdict; its observation leaves once none of its readings is suspect. */
    private void settle(String param, SpikeWatch watch, String verdict, Collector<Observation> out) throws Exception {
        suspects.remove(param);
        Observation obs = held.get(watch.suspectTsMs());
        if (obs == null) {
            return;
        }
        if (QcVerdict.SPIKE.equals(verdict)) {
            spikes.inc();
            excluded.inc();
            LOG.info("event=spike station={} param={} ts={} value={} before={}", obs.station(), param,
                    obs.ts(), watch.suspect(), watch.before());
        }
        List<Reading> readings = new ArrayList<>(obs.readings().size());
        for (Reading r : obs.readings()) {
            readings.add(param.equals(r.param()) && SUSPECT.equals(r.qc()) ? r.withQc(verdict) : r);
        }
        if (readings.stream().anyMatch(r -> SUSPECT.equals(r.qc()))) {
            held.put(watch.suspectTsMs(), obs.withReadings(readings));
        } else {
            held.remove(watch.suspectTsMs());
            out.collect(obs.withReadings(readings));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Observation> out) throws Exception {
        List<Map.Entry<String, SpikeWatch>> unanswered = new ArrayList<>();
        for (Map.Entry<String, SpikeWatch> e : suspects.entries()) {
            if (e.getValue().suspectTsMs() + spikeWaitMs <= timestamp) {
                unanswered.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        // no next reading to tell: the benefit of the doubt
        for (Map.Entry<String, SpikeWatch> e : unanswered) {
            settle(e.getKey(), e.getValue(), QcVerdict.OK, out);
        }
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
        if (suspects.isEmpty()) {
            suspects.clear();
        }
        if (held.isEmpty()) {
            held.clear();
        }
    }
}
