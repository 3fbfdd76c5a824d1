package org.ecovalue.jobs.registry;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.ecovalue.jobs.PipelineOptions;
import org.ecovalue.jobs.inventory.FlowSample;
import org.ecovalue.schemas.observation.Observation;

/**
 * Clean observations + registry → flow samples of units, with side outputs {@link StationSiting#WATER_QUALITY},
 * {@link StationSiting#HEARTBEATS} and {@link StationSiting#UNKNOWN_STATION}.
 */
public final class SitingStage {

    /** Per station, at most this many observations wait for the registry to name their station. */
    public static final int MAX_WAITING_PER_STATION = 1_000;

    private SitingStage() {
    }

    public static SingleOutputStreamOperator<FlowSample> apply(DataStream<Observation> clean,
                                                               BroadcastStream<RegistryUpdate> registry,
                                                               PipelineOptions options) {
        return clean
                .keyBy(Observation::station, Types.STRING)
                .connect(registry)
                .process(new StationSiting(options.registryWait(), MAX_WAITING_PER_STATION))
                .name("station-siting").uid("station-siting");
    }
}
