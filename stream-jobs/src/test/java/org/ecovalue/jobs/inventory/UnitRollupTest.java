package org.ecovalue.jobs.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.registry.AdministrativeUnit;
import org.ecovalue.schemas.registry.Basin;
import org.ecovalue.schemas.registry.GridCell;
import org.ecovalue.schemas.registry.LandCover;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.registry.SectionRole;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.schemas.registry.StationKind;
import org.ecovalue.schemas.registry.StationProtocol;
import org.ecovalue.schemas.registry.UnitKind;
import org.ecovalue.schemas.standards.water.SurfaceWaterStandard;
import org.ecovalue.schemas.standards.water.WaterBody;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.junit.jupiter.api.Test;

/**
 * Province 390000 with city 390100 (counties 390121 → 390122) and city 390200 (county 390201); the
 * river of basin QX runs 390121 → S1 → 390122 → S2 → 390201 → S3 (its mouth). Flow stations every
 * 5 minutes (288 a day), quality and air stations hourly (24) except A2 half-hourly (48).
 */
class UnitRollupTest {

    /** The day life cycle; hours and months are tested in PeriodInventoryTest. */
    private static final List<PeriodKind> DAYS = List.of(PeriodKind.DAY);

    private static final Instant DAY_START = Instant.parse("2026-11-21T16:00:00Z");
    private static final Instant DAY_END = Instant.parse("2026-11-22T16:00:00Z");

    private static final Registry R = Registry.of(List.of(
            new Basin("QX", "清溪河流域"),
            new AdministrativeUnit("390000", "清江省", UnitKind.PROVINCE, null),
            new AdministrativeUnit("390100", "清源市", UnitKind.CITY, "390000"),
            new AdministrativeUnit("390200", "下游市", UnitKind.CITY, "390000"),
            new AdministrativeUnit("390121", "岚山县", UnitKind.COUNTY, "390100"),
            new AdministrativeUnit("390122", "溪口县", UnitKind.COUNTY, "390100"),
            new AdministrativeUnit("390201", "河口县", UnitKind.COUNTY, "390200"),
            new GridCell("G1", "390121", 25, LandCover.FOREST),
            new GridCell("G2", "390122", 25, LandCover.FOREST),
            new GridCell("G3", "390201", 25, LandCover.FOREST),
            station("F1", StationKind.FLOW, null, "S1", 300), station("W1", StationKind.WATER, null, "S1", 3600),
            station("F2", StationKind.FLOW, null, "S2", 300), station("W2", StationKind.WATER, null, "S2", 3600),
            station("F3", StationKind.FLOW, null, "S3", 300), station("W3", StationKind.WATER, null, "S3", 3600),
            station("A1", StationKind.AIR, "G1", null, 3600), station("A2", StationKind.AIR, "G2", null, 1800),
            station("A3", StationKind.AIR, "G3", null, 3600),
            station("T1", StationKind.SOIL, "G1", null, 3600), station("T2", StationKind.SOIL, "G2", null, 7200),
            section("S1", SectionRole.CROSS_BOUNDARY, "390121", "390122", "W1", "F1"),
            section("S2", SectionRole.CROSS_BOUNDARY, "390122", "390201", "W2", "F2"),
            section("S3", SectionRole.CONTROL, "390201", null, "W3", "F3")));

    private static Station station(String id, StationKind kind, String cell, String section, long interval) {
        return new Station(id, kind, 29.7, 118.2, cell, section, "站", StationProtocol.MQTT_JSON, interval);
    }

    private static Section section(String id, SectionRole role, String up, String down, String w, String f) {
        return new Section(id, id, "清溪河", "QX", role, up, down, WaterClass.III, WaterBody.RIVER, w, f);
    }

    /** One 5-minute flow reading of a section's flow station, placed in its upstream county (as siting does). */
    private static FlowSample flow(String sectionId, double m3s) {
        Section s = R.section(sectionId).orElseThrow();
        AdministrativeUnit u = R.unit(s.upstreamUnit()).orElseThrow();
        return new FlowSample(u.id(), u.name(), u.kind(), s.flowStation(), s.id(),
                DAY_START.plusSeconds(3600).toEpochMilli(), m3s, true, 300, 288);
    }

    private static List<FlowSample> withRollups(FlowSample s) {
        List<FlowSample> all = new ArrayList<>();
        UnitRollup.flowAndRollups(new org.apache.flink.util.Collector<>() {
            @Override
            public void collect(FlowSample x) {
                all.add(x);
            }

            @Override
            public void close() {
            }
        }, R, all::add).collect(s);
        return all;
    }

    @Test
    void aSectionsFlowCountsOnlyForTheUnitsItLeaves() {
        // S1 runs between two counties of city 390100: internal to the city, the province and the basin
        assertThat(UnitRollup.flow(R, R.section("S1").orElseThrow(), flow("S1", 10))).isEmpty();
        // S2 leaves city 390100 but stays in the province; S3 further down is the basin's mouth
        assertThat(UnitRollup.flow(R, R.section("S2").orElseThrow(), flow("S2", 20)))
                .extracting(FlowSample::unitId, FlowSample::unitKind, FlowSample::expectedPerDay)
                .containsExactly(tuple("390100", UnitKind.CITY, 288.0));
        assertThat(UnitRollup.flow(R, R.section("S3").orElseThrow(), flow("S3", 30)))
                .extracting(FlowSample::unitId, FlowSample::unitKind, FlowSample::expectedPerDay)
                .containsExactly(tuple("390200", UnitKind.CITY, 288.0), tuple("390000", UnitKind.PROVINCE, 288.0),
                        tuple("QX", UnitKind.BASIN, 288.0));
    }

    @Test
    void qualityCountsForEveryUnitAboveAndExpectsAllItsSectionsReadings() {
        Section s1 = R.section("S1").orElseThrow();
        double[] f = new double[SurfaceWaterStandard.REALTIME_FACTORS.size()];
        Arrays.fill(f, 0.1);
        QualitySample q = new QualitySample("390121", "岚山县", UnitKind.COUNTY, "W1", "S1",
                DAY_START.toEpochMilli(), WaterBody.RIVER, WaterClass.III, f, 24);
        // city 390100: S1 and S2 start inside it (48 a day); province and basin: S1, S2, S3 (72)
        assertThat(UnitRollup.quality(R, s1, q))
                .extracting(QualitySample::unitId, QualitySample::expectedPerDay)
                .containsExactly(tuple("390100", 48.0), tuple("390000", 72.0), tuple("QX", 72.0));
    }

    @Test
    void airCountsForTheCellsCountyAndEveryUnitAbove() {
        double[] p = new double[AirSample.POLLUTANTS.size()];
        Arrays.fill(p, Double.NaN);
        p[AirSample.POLLUTANTS.indexOf(Parameter.PM25)] = 30;
        AirSample a = new AirSample("G1", "G1", UnitKind.GRID, "A1", DAY_START.toEpochMilli(), p, Double.NaN, 24);
        // county 390121: A1 (24); city 390100: A1 + A2 (24 + 48); province: A1 + A2 + A3 (96)
        assertThat(UnitRollup.air(R, "390121", a))
                .extracting(AirSample::unitId, AirSample::unitKind, AirSample::expectedPerDay)
                .containsExactly(tuple("390121", UnitKind.COUNTY, 24.0), tuple("390100", UnitKind.CITY, 72.0),
                        tuple("390000", UnitKind.PROVINCE, 96.0));
    }

    @Test
    void soilCountsForTheCellsCountyAndEveryUnitAboveAndPoolsLandUsesOnTheStricterColumn() {
        double[] metals = new double[org.ecovalue.schemas.standards.soil.Gb15618Tables.METALS.size()];
        Arrays.fill(metals, Double.NaN);
        SoilSample forest = new SoilSample("G1", "G1", UnitKind.GRID, "T1", DAY_START.toEpochMilli(), 30, 6.0, metals,
                org.ecovalue.schemas.standards.soil.LandUse.OTHER, 24);
        // county 390121: T1 hourly (24); city 390100: T1 + T2 every 2 h (24 + 12); province: the same 36
        List<SoilSample> copies = UnitRollup.soil(R, "390121", forest);
        assertThat(copies).extracting(SoilSample::unitId, SoilSample::unitKind, SoilSample::expectedPerDay)
                .containsExactly(tuple("390121", UnitKind.COUNTY, 24.0), tuple("390100", UnitKind.CITY, 36.0),
                        tuple("390000", UnitKind.PROVINCE, 36.0));
        assertThat(copies).allSatisfy(c -> assertThat(c.moisture()).isEqualTo(30));

        SoilSample cropland = new SoilSample("390100", "清源市", UnitKind.CITY, "T2", DAY_START.toEpochMilli(), 40,
                6.0, metals, org.ecovalue.schemas.standards.soil.LandUse.PADDY_DRYLAND_ROTATION, 36);
        PeriodSoil city = PeriodSoil.empty(copies.get(1)).plus(copies.get(1)).plus(cropland);
        assertThat(city.landUse()).isEqualTo(org.ecovalue.schemas.standards.soil.LandUse.PADDY_DRYLAND_ROTATION);
        assertThat(city.meanMoisture().getAsDouble()).isEqualTo(35.0); // (30 + 40) / 2
    }

    @Test
    void dailyVolumesOfTheHigherUnitsAreTheirOutletsVolumesNotTheSumOfTheirCounties() throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new WaterResourceInventory(ZoneId.of("Asia/Shanghai"), DAYS, Duration.ofMinutes(10),
                        Duration.ofHours(6), Duration.ofHours(6))),
                FlowSample::unitId, Types.STRING);
        harness.open();
        for (FlowSample s : List.of(flow("S1", 10), flow("S2", 20), flow("S3", 30))) {
            for (FlowSample x : withRollups(s)) {
                harness.processElement(x, x.tsMillis());
            }
        }
        harness.processWatermark(DAY_END.plus(Duration.ofMinutes(10)).toEpochMilli());
        Map<String, Double> volumes = harness.extractOutputValues().stream()
                .filter(r -> r.status() == InventoryStatus.FINAL)
                .collect(Collectors.toMap(InventoryRecord::unitId, r -> r.quantity().value()));
        // one 300 s reading each: S1 10 m³/s → 3000 m³, S2 20 → 6000, S3 30 → 9000
        assertThat(volumes).hasSize(7);
        assertThat(volumes.get("390121")).isCloseTo(3000, within(1e-6));
        assertThat(volumes.get("390122")).isCloseTo(6000, within(1e-6));
        assertThat(volumes.get("390201")).isCloseTo(9000, within(1e-6));
        assertThat(volumes.get("390100")).isCloseTo(6000, within(1e-6)); // leaves by S2 only, not 3000 + 6000
        assertThat(volumes.get("390200")).isCloseTo(9000, within(1e-6));
        assertThat(volumes.get("390000")).isCloseTo(9000, within(1e-6));
        // the basin's mouth: S3, the only section with a flow station and none below it
        assertThat(volumes.get("QX")).isCloseTo(9000, within(1e-6));
        harness.close();
    }
}
