package org.ecovalue.jobs.inventory;

import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.ecovalue.jobs.PipelineOptions;
import org.ecovalue.jobs.registry.RegistryUpdate;
import org.ecovalue.jobs.registry.StationSiting;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.registry.PeriodKind;

/**
 * Sited samples → inventory records, LIVE and FINAL, per unit, product and period ({@link #PERIODS}): water products per
 * county and, from the roll-up samples, per city, province and basin; air per grid cell, county, city,
 * province; soil and water conservation per grid cell ({@link UnitRollup}).
 */
public final class InventoryStage {

    /**
     * The periods of water_resource, water_quality and clean_air: hour, day and month in the registry's
     * zone (issue 5); water_conservation is per day only (daily FAO-56 ET0).
     */
    public static final List<PeriodKind> PERIODS = List.of(PeriodKind.HOUR, PeriodKind.DAY, PeriodKind.MONTH);
    /** Soil changes slowly and its metals come from periodic sampling: days and months. */
    public static final List<PeriodKind> SOIL_PERIODS = List.of(PeriodKind.DAY, PeriodKind.MONTH);

    private InventoryStage() {
    }

    public static DataStream<InventoryRecord> apply(SingleOutputStreamOperator<FlowSample> sited,
                                                    BroadcastStream<RegistryUpdate> registry, PipelineOptions options) {
        DataStream<InventoryRecord> waterResource = sited.union(sited.getSideOutput(StationSiting.ROLLUP_FLOW))
                .keyBy(FlowSample::unitId, Types.STRING)
                .process(new WaterResourceInventory(options.zone(), PERIODS, options.allowedLateness(), options.lateHorizon(),
                        options.liveEvery()))
                .name("water-resource-inventory").uid("water-resource-inventory");
        DataStream<InventoryRecord> waterQuality = sited.getSideOutput(StationSiting.WATER_QUALITY)
                .union(sited.getSideOutput(StationSiting.ROLLUP_QUALITY))
                .keyBy(QualitySample::unitId, Types.STRING)
                .process(new WaterQualityInventory(options.zone(), PERIODS, options.allowedLateness(), options.lateHorizon(),
                        options.liveEvery()))
                .name("water-quality-inventory").uid("water-quality-inventory");
        DataStream<InventoryRecord> cleanAir = sited.getSideOutput(StationSiting.AIR)
                .keyBy(AirSample::unitId, Types.STRING)
                .process(new CleanAirInventory(options.zone(), PERIODS, options.allowedLateness(), options.lateHorizon(),
                        options.liveEvery()))
                .name("clean-air-inventory").uid("clean-air-inventory");
        DataStream<InventoryRecord> soil = sited.getSideOutput(StationSiting.SOIL)
                .keyBy(SoilSample::unitId, Types.STRING)
                .process(new SoilInventory(options.zone(), SOIL_PERIODS, options.allowedLateness(), options.lateHorizon(),
                        options.liveEvery()))
                .name("soil-inventory").uid("soil-inventory");
        DataStream<InventoryRecord> waterConservation = sited.getSideOutput(StationSiting.WEATHER)
                .keyBy(WeatherSample::unitId, Types.STRING)
                .process(new WaterConservationInventory(options.zone(), options.allowedLateness(), options.lateHorizon(),
                        options.liveEvery()))
                .name("water-conservation-inventory").uid("water-conservation-inventory");
        return waterResource.union(waterQuality, cleanAir, soil, waterConservation)
                .connect(registry)
                .process(new InventoryValuation(), TypeInformation.of(InventoryRecord.class))
                .name("inventory-valuation").uid("inventory-valuation");
    }
}
