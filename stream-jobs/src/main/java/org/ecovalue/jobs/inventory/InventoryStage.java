package org.ecovalue.jobs.inventory;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.ecovalue.jobs.PipelineOptions;
import org.ecovalue.jobs.registry.RegistryUpdate;
import org.ecovalue.jobs.registry.StationSiting;
import org.ecovalue.schemas.inventory.InventoryRecord;

/**
 * Sited samples → inventory records, LIVE and FINAL, per unit, product and day: water products per
 * county and, from the roll-up samples, per city, province and basin; air per grid cell, county, city,
 * province; soil and water conservation per grid cell ({@link UnitRollup}).
 */
public final class InventoryStage {

    private InventoryStage() {
    }

    public static DataStream<InventoryRecord> apply(SingleOutputStreamOperator<FlowSample> sited,
                                                    BroadcastStream<RegistryUpdate> registry, PipelineOptions options) {
        DataStream<InventoryRecord> waterResource = sited.union(sited.getSideOutput(StationSiting.ROLLUP_FLOW))
                .keyBy(FlowSample::unitId, Types.STRING)
                .process(new DailyWaterResource(options.zone(), options.allowedLateness(), options.lateHorizon(),
                        options.liveEvery()))
                .name("water-resource-daily").uid("water-resource-daily");
        DataStream<InventoryRecord> waterQuality = sited.getSideOutput(StationSiting.WATER_QUALITY)
                .union(sited.getSideOutput(StationSiting.ROLLUP_QUALITY))
                .keyBy(QualitySample::unitId, Types.STRING)
                .process(new DailyWaterQuality(options.zone(), options.allowedLateness(), options.lateHorizon(),
                        options.liveEvery()))
                .name("water-quality-daily").uid("water-quality-daily");
        DataStream<InventoryRecord> cleanAir = sited.getSideOutput(StationSiting.AIR)
                .keyBy(AirSample::unitId, Types.STRING)
                .process(new DailyCleanAir(options.zone(), options.allowedLateness(), options.lateHorizon(),
                        options.liveEvery()))
                .name("clean-air-daily").uid("clean-air-daily");
        DataStream<InventoryRecord> soil = sited.getSideOutput(StationSiting.SOIL)
                .keyBy(SoilSample::unitId, Types.STRING)
                .process(new DailySoil(options.zone(), options.allowedLateness(), options.lateHorizon(),
                        options.liveEvery()))
                .name("soil-daily").uid("soil-daily");
        DataStream<InventoryRecord> waterConservation = sited.getSideOutput(StationSiting.WEATHER)
                .keyBy(WeatherSample::unitId, Types.STRING)
                .process(new DailyWaterConservation(options.zone(), options.allowedLateness(), options.lateHorizon(),
                        options.liveEvery()))
                .name("water-conservation-daily").uid("water-conservation-daily");
        return waterResource.union(waterQuality, cleanAir, soil, waterConservation)
                .connect(registry)
                .process(new InventoryValuation(), TypeInformation.of(InventoryRecord.class))
                .name("inventory-valuation").uid("inventory-valuation");
    }
}
