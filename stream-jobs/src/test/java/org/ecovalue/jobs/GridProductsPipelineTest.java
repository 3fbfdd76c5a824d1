package org.ecovalue.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.ecovalue.jobs.inventory.AirSample;
import org.ecovalue.jobs.inventory.PeriodAir;
import org.ecovalue.jobs.inventory.DayConservation;
import org.ecovalue.jobs.inventory.PeriodSoil;
import org.ecovalue.jobs.inventory.SoilSample;
import org.ecovalue.jobs.inventory.WeatherSample;
import org.ecovalue.jobs.registry.RegistryUpdate;
import org.ecovalue.schemas.alert.Alert;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.observation.Flag;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Reading;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.GridCell;
import org.ecovalue.schemas.registry.LandCover;
import org.ecovalue.schemas.registry.PriceItem;
import org.ecovalue.schemas.registry.PriceTable;
import org.ecovalue.schemas.registry.RegistryItem;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.schemas.registry.StationKind;
import org.ecovalue.schemas.registry.StationProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Air, soil and weather stations in forest cell G1 of county 390121 (city 390100, province 390000),
 * through the production graph on a MiniCluster: the grid-cell products and the clean_air roll-up.
 */
class GridProductsPipelineTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    /** 2026-11-22 00:00 in Shanghai. */
    private static final Instant DAY_START = Instant.parse("2026-11-21T16:00:00Z");
    private static final ConcurrentLinkedQueue<Observation> CLEAN = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<InventoryRecord> INVENTORY = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<Alert> ALERTS = new ConcurrentLinkedQueue<>();

    private static List<RegistryUpdate> registry() {
        List<RegistryItem> items = new ArrayList<>(TestRegistry.items());
        items.add(new GridCell("G1", TestRegistry.UPSTREAM, 25.0, LandCover.FOREST, "岚山县国有林场", null));
        items.add(station("A1", StationKind.AIR));
        items.add(station("T1", StationKind.SOIL));
        items.add(station("M1", StationKind.WEATHER));
        items.add(new PriceTable("gep-2010", "GEP 单价", List.of(new PriceItem(EcoProduct.WATER_CONSERVATION, null,
                new BigDecimal("7.06"), "m3", "REFERENCE §5.3", LocalDate.of(2010, 1, 1)))));
        return items.stream().map(TestRegistry::update).toList();
    }

    private static Station station(String id, StationKind kind) {
        return new Station(id, kind, 29.77, 118.19, "G1", null, "站", StationProtocol.MQTT_JSON, 3600);
    }

    private static Observation obs(String station, int hour, Object... paramsUnitsValues) {
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < paramsUnitsValues.length; i += 3) {
            readings.add(new Reading((String) paramsUnitsValues[i], ((Number) paramsUnitsValues[i + 2]).doubleValue(),
                    (String) paramsUnitsValues[i + 1], Flag.N));
        }
        return new Observation(station, DAY_START.plusSeconds(3600L * hour), null, readings);
    }

    @Test
    void airSoilAndWeatherBecomeGridCellProductsAndAirAndSoilRollUpToCountyCityAndProvince() throws Exception {
        List<Observation> input = new ArrayList<>();
        for (int h = 0; h < 4; h++) {
            // PM2.5 30..33 µg/m³: IAQI 43..48 (50·C/35 rounded up), every hour 优 (一级), all good
            input.add(obs("A1", h, "pm25", "µg/m3", 30 + h));
            input.add(obs("T1", h, "soil_moisture", "%", 20 + 2 * h, "soil_ph", "", 6.0 + 0.1 * h, "cd", "mg/kg",
                    0.10 + 0.01 * h));
            input.add(obs("M1", h, "precipitation", "mm", 1 + h, "air_temp", "°C", 8 + h, "humidity", "%", 70 + 5 * h,
                    "wind_speed", "m/s", 1.5 + 0.1 * h, "solar_radiation", "W/m2", 100 + 10 * h));
        }
        run(input);

        List<InventoryRecord> all = INVENTORY.stream().filter(r -> r.status() == InventoryStatus.FINAL).toList();
        List<InventoryRecord> finals = all.stream().filter(r -> r.period().equals("2026-11-22")).toList();
        // clean_air: the cell and, from the same samples, its county, city and province; 4 of 24 hours
        assertThat(finals).filteredOn(r -> r.product() == EcoProduct.CLEAN_AIR)
                .extracting(InventoryRecord::unitId)
                .containsExactlyInAnyOrder("G1", TestRegistry.UPSTREAM, "390100", "390000");
        assertThat(finals).filteredOn(r -> r.product() == EcoProduct.CLEAN_AIR).allSatisfy(r -> {
            assertThat(r.quantity().value()).isEqualTo(100.0);
            assertThat(r.grade()).isEqualTo("一级");
            assertThat(r.completeness()).isCloseTo(4.0 / 24, within(1e-12));
            assertThat(r.stations()).containsExactly("A1");
        });
        // soil: mean moisture (20 + 22 + 24 + 26) / 4 = 23 %; Cd ≤ 0.13 at pH ~6.15 (band ②, "other" land,
        // screening 0.3): priority protection
        // rolled up to the county, city and province from the same (only) station: the same figures
        assertThat(finals).filteredOn(r -> r.product() == EcoProduct.SOIL).extracting(InventoryRecord::unitId)
                .containsExactlyInAnyOrder("G1", TestRegistry.UPSTREAM, "390100", "390000");
        assertThat(finals).filteredOn(r -> r.product() == EcoProduct.SOIL).allSatisfy(r -> {
            assertThat(r.quantity().value()).isCloseTo(23.0, within(1e-9));
            assertThat(r.grade()).isEqualTo("priority-protection");
            assertThat(r.completeness()).isCloseTo(4.0 / 24, within(1e-12));
        });
        // the cell's rights holder is its own (registry); the test registry names none for the units
        assertThat(finals).filteredOn(r -> r.unitId().equals("G1")).extracting(InventoryRecord::rightsHolder)
                .containsOnly("岚山县国有林场");
        assertThat(finals).filteredOn(r -> !r.unitId().equals("G1")).extracting(InventoryRecord::rightsHolder)
                .containsOnlyNulls();
        // clean_air per hour: each of the 4 hours is rated on its one reading (1 of 1 expected), AQI ≤ 50;
        // November: 4 of 24 × 30 = 720 hourly readings
        assertThat(all).filteredOn(r -> r.product() == EcoProduct.CLEAN_AIR && r.unitId().equals("G1"))
                .filteredOn(r -> r.period().length() == 13)
                .extracting(r -> r.period() + " " + r.grade() + " " + r.completeness())
                .containsExactlyInAnyOrder("2026-11-22T00 一级 1.0", "2026-11-22T01 一级 1.0", "2026-11-22T02 一级 1.0",
                        "2026-11-22T03 一级 1.0");
        assertThat(all).filteredOn(r -> r.product() == EcoProduct.CLEAN_AIR && r.unitId().equals("G1"))
                .filteredOn(r -> r.period().equals("2026-11")).singleElement()
                .satisfies(r -> assertThat(r.completeness()).isCloseTo(4.0 / 720, within(1e-12)));
        // water conservation: P = 1 + 2 + 3 + 4 = 10 mm, 3 % runs off → at most 9.7 mm over 25 km² = 242 500 m³;
        // a cool, dim November day evaporates something but well under 5 mm (125 000 m³)
        // the cell and, its only cell, the same figure for its county, city and province
        assertThat(finals).filteredOn(r -> r.product() == EcoProduct.WATER_CONSERVATION)
                .extracting(InventoryRecord::unitId)
                .containsExactlyInAnyOrder("G1", TestRegistry.UPSTREAM, "390100", "390000");
        assertThat(finals).filteredOn(r -> r.product() == EcoProduct.WATER_CONSERVATION)
                .allSatisfy(r -> {
                    assertThat(r.quantity().value()).isLessThan(242_500).isGreaterThan(242_500 - 125_000);
                    assertThat(r.value().priceRef()).isEqualTo("gep-2010/water_conservation@2010-01-01");
                });
    }

    @Test
    void theNewSamplesAndDaysTravelAsPojosNotThroughKryo() {
        for (Class<?> type : List.of(AirSample.class, PeriodAir.class, SoilSample.class, PeriodSoil.class,
                WeatherSample.class, DayConservation.class)) {
            assertThat(TypeInformation.of(type)).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
        }
    }

    private static void run(List<Observation> input) throws Exception {
        CLEAN.clear();
        INVENTORY.clear();
        ALERTS.clear();
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        org.ecovalue.jobs.PipelineOptions options = org.ecovalue.jobs.PipelineOptions.defaults()
                .withLateness(Duration.ofMinutes(10), Duration.ofHours(6));
        new PipelineJob(PipelineJobTest.observations(input), PipelineJobTest.registry(registry()),
                new PipelineSinks(new PipelineJobTest.Collecting<>(CLEAN), new PipelineJobTest.Collecting<>(INVENTORY),
                        new PipelineJobTest.Collecting<>(ALERTS)), options)
                .withRegistryReadBeforeEventTimeAdvances().build(env);
        env.execute("grid-products-test");
    }
}
