package org.ecovalue.jobs.water;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.observation.Reading;
import org.ecovalue.schemas.standards.water.SurfaceWaterStandard;
import org.ecovalue.schemas.standards.water.WaterAssessment;
import org.ecovalue.schemas.standards.water.WaterBody;

/**
 * Keeps, per station, the GB 3838-2002 real-time class of its latest observation (latest by event
 * time) and emits a {@link StationWaterClass} whenever the class or its limiting factors change.
 *
 * <p>Only readings flagged N count (HJ 212 Table 8). An observation without any of the five
 * real-time factors (e.g. flow only) leaves the class as it is. An observation older than the one
 * held is ignored. A station silent for {@code staleAfter} of event time is forgotten (its state and
 * timer are cleared) so that its next observation is reported afresh.
 */
public class LatestWaterClassFunction extends KeyedProcessFunction<String, Observation, StationWaterClass> {

    private static final long serialVersionUID = 1L;

    private final HashMap<String, WaterBody> waterBodies;
    private final long staleAfterMs;

    private transient ValueState<StationWaterClass> latest;
    private transient Counter outdated;

    /**
     * @param waterBodies station → water body; a station not listed is a river (TP limits differ at lakes)
     * @param staleAfter  event time after a station's last observation at which its class is forgotten
     */
    public LatestWaterClassFunction(Map<String, WaterBody> waterBodies, Duration staleAfter) {
        this.waterBodies = new HashMap<>(waterBodies);
        this.staleAfterMs = staleAfter.toMillis();
        if (staleAfterMs <= 0) {
            throw new IllegalArgumentException("staleAfter must be positive, got " + staleAfter);
        }
    }

    @Override
    public void open(OpenContext openContext) {
        latest = getRuntimeContext().getState(new ValueStateDescriptor<>("latest-class", StationWaterClass.class));
        outdated = getRuntimeContext().getMetricGroup().counter("outdatedObservations");
    }

    @Override
    public void processElement(Observation obs, Context ctx, Collector<StationWaterClass> out) throws Exception {
        long ts = obs.ts().toEpochMilli();
        StationWaterClass held = latest.value();
        boolean older = held != null && ts <= held.ts().toEpochMilli();
        boolean tooLate = ts + staleAfterMs <= ctx.timerService().currentWatermark();
        if (older || tooLate) {
            outdated.inc();
            return;
        }
        Optional<WaterAssessment> assessment = SurfaceWaterStandard.realtime(
                realtimeFactors(obs), waterBodies.getOrDefault(obs.station(), WaterBody.RIVER));
        if (assessment.isEmpty()) {
            return;
        }
        WaterAssessment a = assessment.get();
        StationWaterClass now = new StationWaterClass(obs.station(), obs.ts(), a.waterClass().label(),
                a.limiting().stream().map(Parameter::code).toList(), a.standard());
        if (now.differsInClassFrom(held)) {
            out.collect(now);
        }
        if (held != null) {
            ctx.timerService().deleteEventTimeTimer(held.ts().toEpochMilli() + staleAfterMs);
        }
        ctx.timerService().registerEventTimeTimer(ts + staleAfterMs);
        latest.update(now);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<StationWaterClass> out) throws Exception {
        // the timer of the latest observation is the only one left registered: the station went silent
        latest.clear();
    }

    private static Map<Parameter, Double> realtimeFactors(Observation obs) {
        Map<Parameter, Double> values = new EnumMap<>(Parameter.class);
        for (Reading r : obs.readings()) {
            if (!r.flag().countsTowardsFigures()) {
                continue;
            }
            Parameter.fromCode(r.param())
                    .filter(SurfaceWaterStandard.REALTIME_FACTORS::contains)
                    .ifPresent(p -> values.put(p, r.value()));
        }
        return values;
    }
}
