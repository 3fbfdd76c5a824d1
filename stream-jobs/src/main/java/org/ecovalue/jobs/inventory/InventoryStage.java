package org.ecovalue.jobs.inventory;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.ecovalue.jobs.PipelineOptions;
import org.ecovalue.jobs.registry.RegistryUpdate;
import org.ecovalue.jobs.registry.StationSiting;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.observation.Observation;

/** Clean observations + registry → inventory records, LIVE and FINAL, per unit, product and period. */
public final class InventoryStage {

    /** Per station, at most this many observations wait for the registry to name their station. */
    public static final int MAX_WAITING_PER_STATION = 1_000;

    private InventoryStage() {
    }

    public static DataStream<InventoryRecord> apply(DataStream<Observation> clean,
                                                    BroadcastStream<RegistryUpdate> registry,
                                                    PipelineOptions options) {
        SingleOutputStreamOperator<FlowSample> flows = clean
                .keyBy(Observation::station, Types.STRING)
                .connect(registry)
                .process(new StationSiting(options.registryWait(), MAX_WAITING_PER_STATION))
                .name("station-siting").uid("station-siting");
        DataStream<InventoryRecord> waterResource = flows
                .keyBy(FlowSample::unitId, Types.STRING)
                .process(new DailyWaterResource(options.zone(), options.allowedLateness(), options.lateHorizon(),
                        options.liveEvery()))
                .name("water-resource-daily").uid("water-resource-daily");
        DataStream<InventoryRecord> waterQuality = flows.getSideOutput(StationSiting.WATER_QUALITY)
                .keyBy(QualitySample::unitId, Types.STRING)
                .process(new DailyWaterQuality(options.zone(), options.allowedLateness(), options.lateHorizon(),
                        options.liveEvery()))
                .name("water-quality-daily").uid("water-quality-daily");
        return waterResource.union(waterQuality);
    }
}
