package org.ecovalue.jobs.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.ecovalue.jobs.alerts.StationHeartbeat;
import org.ecovalue.jobs.inventory.AirSample;
import org.ecovalue.jobs.inventory.FlowSample;
import org.ecovalue.jobs.inventory.GridSamples;
import org.ecovalue.jobs.inventory.SoilSample;
import org.ecovalue.jobs.inventory.UnitRollup;
import org.ecovalue.jobs.inventory.WeatherSample;
import org.ecovalue.jobs.inventory.QualitySample;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.standards.water.SurfaceWaterStandard;
import org.ecovalue.jobs.qc.QcVerdict;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Reading;
import org.ecovalue.schemas.registry.AdministrativeUnit;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.RegistryItemCodec;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places a station's clean observations where the registry says they belong (keyed by station,
 * registry broadcast): a flow reading at a section's flow station becomes a {@link FlowSample} of
 * the section's upstream unit — the water that unit passes on downstream.
 *
 * <p>The registry applies without a restart: a new station, section or unit takes effect with the
 * next observation. An observation of a station the registry does not know yet waits (at most
 * {@code maxWaiting} per station, for {@code registryWait} of event time) and is placed as soon as
 * the station arrives; what is still unknown after that goes to {@link #UNKNOWN_STATION} with a metric.
 */
public class StationSiting extends KeyedBroadcastProcessFunction<String, Observation, RegistryUpdate, FlowSample> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(StationSiting.class);
    private static final long SECONDS_PER_DAY = 86_400;

    public static final OutputTag<Observation> UNKNOWN_STATION =
            new OutputTag<>("unknown-station", TypeInformation.of(Observation.class));

    /** Observations of sections' quality stations, placed in the section's upstream unit. */
    public static final OutputTag<QualitySample> WATER_QUALITY =
            new OutputTag<>("water-quality-samples", TypeInformation.of(QualitySample.class));

    /** Observations of air stations, placed in their grid cell (clean_air inventory). */
    public static final OutputTag<AirSample> AIR =
            new OutputTag<>("air-samples", TypeInformation.of(AirSample.class));

    /** Observations of soil stations, placed in their grid cell (soil inventory). */
    public static final OutputTag<SoilSample> SOIL =
            new OutputTag<>("soil-samples", TypeInformation.of(SoilSample.class));

    /** Observations of weather stations, placed in their grid cell (water_conservation inventory). */
    public static final OutputTag<WeatherSample> WEATHER =
            new OutputTag<>("weather-samples", TypeInformation.of(WeatherSample.class));

    /** Flow samples of the higher units and basins a section is an outlet of ({@link UnitRollup}). */
    public static final OutputTag<FlowSample> ROLLUP_FLOW =
            new OutputTag<>("rollup-flow-samples", TypeInformation.of(FlowSample.class));

    /** Quality samples of the higher units and basins a section lies in ({@link UnitRollup}). */
    public static final OutputTag<QualitySample> ROLLUP_QUALITY =
            new OutputTag<>("rollup-quality-samples", TypeInformation.of(QualitySample.class));

    /** Every placed observation: its station was heard from (for data-gap alerts). */
    public static final OutputTag<StationHeartbeat> HEARTBEATS =
            new OutputTag<>("station-heartbeats", TypeInformation.of(StationHeartbeat.class));

    static final ListStateDescriptor<Observation> WAITING =
            new ListStateDescriptor<>("waiting-for-registry", TypeInformation.of(Observation.class));

    private final RegistryWait registryWait;

    private transient RegistryState registry;
    private transient ListState<Observation> waiting;
    private static final long UNPLACED_LOG_EVERY_MS = 60_000;

    private transient Counter unknown;
    /** Per station: wall time of the last unplaced-observation log line, observations given up since. */
    private transient Map<String, long[]> unplacedLog;
    private transient Counter badRegistryItems;

    public StationSiting(Duration registryWait, int maxWaiting) {
        this.registryWait = new RegistryWait(registryWait, maxWaiting);
    }

    @Override
    public void open(OpenContext openContext) {
        registry = new RegistryState();
        waiting = getRuntimeContext().getListState(WAITING);
        unknown = getRuntimeContext().getMetricGroup().counter("unknownStationObservations");
        unplacedLog = new HashMap<>();
        badRegistryItems = getRuntimeContext().getMetricGroup().counter("badRegistryItems");
    }

    @Override
    public void processElement(Observation obs, ReadOnlyContext ctx, Collector<FlowSample> out) throws Exception {
        Registry r = registry.registry(ctx.getBroadcastState(RegistryState.DESCRIPTOR));
        if (isPlaceable(r, obs.station())) {
            place(obs, r, UnitRollup.flowAndRollups(out, r, f -> ctx.output(ROLLUP_FLOW, f)),
                    UnitRollup.qualityAndRollups(q -> ctx.output(WATER_QUALITY, q), r,
                            q -> ctx.output(ROLLUP_QUALITY, q)));
            placeInGrid(obs, r, a -> ctx.output(AIR, a), g -> ctx.output(SOIL, g),
                    w -> ctx.output(WEATHER, w));
            ctx.output(HEARTBEATS, heartbeat(obs, r));
            return;
        }
        if (!registryWait.hold(waiting, obs, ctx.timerService())) {
            giveUp(obs, ctx, "too-many-waiting");
        }
    }

    @Override
    public void processBroadcastElement(RegistryUpdate update, Context ctx, Collector<FlowSample> out)
            throws Exception {
        if (update.isRemoval()) {
            ctx.getBroadcastState(RegistryState.DESCRIPTOR).remove(update.key());
        } else {
            try {
                RegistryItemCodec.decode(update.value());
            } catch (InputRejectedException e) {
                badRegistryItems.inc();
                LOG.warn("event=registry-item-ignored key={} reason={} detail=\"{}\"",
                        update.key(), e.reason().code(), e.detail());
                return;
            }
            ctx.getBroadcastState(RegistryState.DESCRIPTOR).put(update.key(), update.value());
        }
        registry.changed();
        Registry r = registry.registry(ctx.getBroadcastState(RegistryState.DESCRIPTOR));
        ctx.applyToKeyedState(WAITING, (station, state) -> {
            if (isPlaceable(r, station)) {
                for (Observation obs : state.get()) {
                    place(obs, r, UnitRollup.flowAndRollups(out, r, f -> ctx.output(ROLLUP_FLOW, f)),
                            UnitRollup.qualityAndRollups(q -> ctx.output(WATER_QUALITY, q), r,
                                    q -> ctx.output(ROLLUP_QUALITY, q)));
                    placeInGrid(obs, r, a -> ctx.output(AIR, a), g -> ctx.output(SOIL, g),
                            w -> ctx.output(WEATHER, w));
                    ctx.output(HEARTBEATS, heartbeat(obs, r));
                }
                state.clear();
            }
        });
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<FlowSample> out) throws Exception {
        registryWait.expire(waiting, timestamp, ctx.getBroadcastState(RegistryState.DESCRIPTOR), ctx.timerService(),
                obs -> giveUp(obs, ctx, "not-in-registry"));
    }

    private void giveUp(Observation obs, ReadOnlyContext ctx, String reason) {
        unknown.inc();
        // one line per station and minute of wall time, with how many since the last line: a station
        // missing from the registry must be seen in the log without flooding it
        long now = System.currentTimeMillis();
        long[] seen = unplacedLog.computeIfAbsent(obs.station(), s -> new long[] {0, 0});
        seen[1]++;
        if (now - seen[0] >= UNPLACED_LOG_EVERY_MS) {
            LOG.warn("event=observation-unplaced station={} ts={} reason={} since-last-line={}", obs.station(),
                    obs.ts(), reason, seen[1]);
            seen[0] = now;
            seen[1] = 0;
        }
        ctx.output(UNKNOWN_STATION, obs);
    }

    /**
     * The station and what it names are known. Items of a compacted topic arrive in any order (a
     * station before its section): an observation placed too early would silently miss its section.
     */
    static boolean isPlaceable(Registry r, String stationId) {
        Optional<Station> station = r.station(stationId);
        if (station.isEmpty()) {
            return false;
        }
        Station s = station.get();
        if (s.gridCell() != null && r.gridCell(s.gridCell()).isEmpty()) {
            return false;
        }
        if (s.section() == null) {
            return true;
        }
        return r.section(s.section()).map(sec -> r.unit(sec.upstreamUnit()).isPresent()).orElse(false);
    }

    private static void place(Observation obs, Registry r, Collector<FlowSample> out,
                              java.util.function.Consumer<QualitySample> quality) {
        Station station = r.station(obs.station()).orElseThrow();
        for (Section section : r.sections()) {
            if (obs.station().equals(section.qualityStation())) {
                r.unit(section.upstreamUnit()).ifPresent(unit -> {
                    QualitySample q = new QualitySample(unit.id(), unit.name(), unit.kind(), station.id(), section.id(),
                            obs.ts().toEpochMilli(), section.waterbody(), section.targetClass(), realtimeFactors(obs),
                            expectedQualityReadingsPerDay(r, unit.id()));
                    if (q.hasAnyFactor()) {
                        quality.accept(q);
                    }
                });
            }
            if (!obs.station().equals(section.flowStation())) {
                continue;
            }
            Optional<AdministrativeUnit> unit = r.unit(section.upstreamUnit());
            if (unit.isEmpty()) {
                continue;
            }
            double expected = expectedFlowReadingsPerDay(r, unit.get().id());
            for (Reading reading : obs.readings()) {
                if ("flow".equals(reading.param())) {
                    out.collect(new FlowSample(unit.get().id(), unit.get().name(), unit.get().kind(), station.id(),
                            section.id(), obs.ts().toEpochMilli(), reading.value(), QcVerdict.counts(reading.qc()),
                            station.reportingIntervalSeconds(), expected));
                }
            }
        }
    }

    private static void placeInGrid(Observation obs, Registry r, java.util.function.Consumer<AirSample> air,
                                    java.util.function.Consumer<SoilSample> soil,
                                    java.util.function.Consumer<WeatherSample> weather) {
        Station station = r.station(obs.station()).orElseThrow();
        GridSamples.air(r, station, obs).ifPresent(UnitRollup.airAndRollups(air, r));
        GridSamples.soil(r, station, obs).ifPresent(UnitRollup.soilAndRollups(soil, r));
        GridSamples.weather(r, station, obs).ifPresent(UnitRollup.weatherAndRollups(weather, r));
    }

    private static StationHeartbeat heartbeat(Observation obs, Registry r) {
        Station st = r.station(obs.station()).orElseThrow();
        return new StationHeartbeat(st.id(), st.section(), obs.ts().toEpochMilli(), st.reportingIntervalSeconds());
    }

    /** Values of the GB 3838 real-time factors that passed QC, in REALTIME_FACTORS order, NaN where absent. */
    static double[] realtimeFactors(Observation obs) {
        double[] values = new double[SurfaceWaterStandard.REALTIME_FACTORS.size()];
        java.util.Arrays.fill(values, Double.NaN);
        for (Reading reading : obs.readings()) {
            if (!QcVerdict.counts(reading.qc())) {
                continue;
            }
            Optional<Parameter> p = Parameter.fromCode(reading.param());
            if (p.isPresent()) {
                int i = SurfaceWaterStandard.REALTIME_FACTORS.indexOf(p.get());
                if (i >= 0) {
                    values[i] = reading.value();
                }
            }
        }
        return values;
    }

    /** Observations a full day brings from the quality stations of every section the unit's water leaves by. */
    static double expectedQualityReadingsPerDay(Registry r, String unitId) {
        double expected = 0;
        for (Section s : r.sections()) {
            if (unitId.equals(s.upstreamUnit())) {
                expected += r.station(s.qualityStation())
                        .map(st -> (double) SECONDS_PER_DAY / st.reportingIntervalSeconds()).orElse(0.0);
            }
        }
        return expected;
    }

    /** Readings a full day brings from the flow stations of every section the unit's water leaves by. */
    static double expectedFlowReadingsPerDay(Registry r, String unitId) {
        double expected = 0;
        for (Section s : r.sections()) {
            if (unitId.equals(s.upstreamUnit()) && s.flowStation() != null) {
                expected += r.station(s.flowStation())
                        .map(st -> (double) SECONDS_PER_DAY / st.reportingIntervalSeconds()).orElse(0.0);
            }
        }
        return expected;
    }
}
