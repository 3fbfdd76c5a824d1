package org.ecovalue.jobs.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.ecovalue.jobs.qc.QcVerdict;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Reading;
import org.ecovalue.schemas.registry.AdministrativeUnit;
import org.ecovalue.schemas.registry.GridCell;
import org.ecovalue.schemas.registry.LandCover;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.schemas.registry.StationKind;
import org.ecovalue.schemas.registry.StationProtocol;
import org.ecovalue.schemas.registry.UnitKind;
import org.ecovalue.schemas.standards.soil.LandUse;
import org.junit.jupiter.api.Test;

class GridSamplesTest {

    private static final Instant T = Instant.parse("2026-11-22T02:00:00Z");

    private static final Registry REGISTRY = Registry.of(List.of(
            new AdministrativeUnit("390121", "岚山县", UnitKind.COUNTY, "390100"),
            new GridCell("G1", "390121", 25.0, LandCover.CROPLAND),
            station("A1", StationKind.AIR, 3600), station("A2", StationKind.AIR, 1800),
            station("T1", StationKind.SOIL, 3600), station("M1", StationKind.WEATHER, 600)));

    private static Station station(String id, StationKind kind, long interval) {
        return new Station(id, kind, 29.7, 118.2, "G1", null, "站", StationProtocol.MQTT_JSON, interval);
    }

    private static Reading ok(String param, double v, String unit) {
        return new Reading(param, v, unit).withQc(QcVerdict.OK);
    }

    @Test
    void anAirObservationBecomesASampleOfItsCellWithOnlyTheValuesThatPassedQc() {
        Observation obs = new Observation("A1", T, null, List.of(ok("pm25", 42, "µg/m3"),
                new Reading("o3", 900, "µg/m3").withQc(QcVerdict.OUT_OF_RANGE), ok("neg_ion", 1500, "ions/cm3")));
        AirSample s = GridSamples.air(REGISTRY, REGISTRY.station("A1").orElseThrow(), obs).orElseThrow();
        assertThat(s.unitId()).isEqualTo("G1");
        assertThat(s.unitKind()).isEqualTo(UnitKind.GRID);
        assertThat(s.pollutants()[AirSample.POLLUTANTS.indexOf(org.ecovalue.schemas.observation.Parameter.PM25)])
                .isEqualTo(42);
        assertThat(s.pollutants()[AirSample.POLLUTANTS.indexOf(org.ecovalue.schemas.observation.Parameter.O3)])
                .isNaN();
        assertThat(s.negativeIons()).isEqualTo(1500);
        // A1 hourly (24) + A2 every 30 minutes (48); the weather and soil stations do not count
        assertThat(s.expectedPerDay()).isEqualTo(72);
        assertThat(GridSamples.soil(REGISTRY, REGISTRY.station("A1").orElseThrow(), obs)).isEmpty();
    }

    @Test
    void aSoilObservationOnCroplandTakesTheStricterRotationColumn() {
        Observation obs = new Observation("T1", T, null, List.of(ok("soil_moisture", 23, "%"), ok("cd", 0.2, "mg/kg")));
        SoilSample s = GridSamples.soil(REGISTRY, REGISTRY.station("T1").orElseThrow(), obs).orElseThrow();
        assertThat(s.landUse()).isEqualTo(LandUse.PADDY_DRYLAND_ROTATION);
        assertThat(s.moisture()).isEqualTo(23);
        assertThat(s.ph()).isNaN();
        assertThat(s.expectedPerDay()).isEqualTo(24);
    }

    @Test
    void aWeatherObservationCarriesTheWaterConservationPriceInForceOnItsDay() {
        Registry priced = REGISTRY.with(new org.ecovalue.schemas.registry.PriceTable("gep-2010", "GEP", List.of(
                new org.ecovalue.schemas.registry.PriceItem(org.ecovalue.schemas.registry.EcoProduct.WATER_CONSERVATION,
                        null, new java.math.BigDecimal("6.1107"), "m3", "2005", java.time.LocalDate.of(2005, 1, 1)),
                new org.ecovalue.schemas.registry.PriceItem(org.ecovalue.schemas.registry.EcoProduct.WATER_CONSERVATION,
                        null, new java.math.BigDecimal("7.06"), "m3", "2010", java.time.LocalDate.of(2010, 1, 1)))));
        Station mt = priced.station("M1").orElseThrow();
        WeatherSample now = GridSamples.weather(priced, mt,
                new Observation("M1", T, null, List.of(ok("precipitation", 1.5, "mm")))).orElseThrow();
        assertThat(now.priceCny()).isEqualTo(7.06);
        assertThat(now.priceRef()).isEqualTo("gep-2010/water_conservation@2010-01-01");
        assertThat(now.precipitationMm()).isEqualTo(1.5);
        assertThat(now.areaKm2()).isEqualTo(25.0);
        assertThat(now.expectedPerDay()).isEqualTo(144); // every 10 minutes
        WeatherSample then = GridSamples.weather(priced, mt, new Observation("M1", Instant.parse("2008-06-01T00:00:00Z"),
                null, List.of(ok("air_temp", 20, "°C")))).orElseThrow();
        assertThat(then.priceCny()).isEqualTo(6.1107);
        // no price table at all: no price, the record will carry no value
        assertThat(GridSamples.weather(REGISTRY, mt, new Observation("M1", T, null,
                List.of(ok("precipitation", 1.5, "mm")))).orElseThrow().priceRef()).isNull();
    }

    @Test
    void aWeatherSampleTakesTheCellsRunoffCoefficientFromTheRegistryElseItsLandCoversDefault() {
        Station mt = REGISTRY.station("M1").orElseThrow();
        Observation rain = new Observation("M1", T, null, List.of(ok("precipitation", 1.5, "mm")));
        // G1 is cropland without a coefficient of its own: the cropland default, 0.20
        assertThat(GridSamples.weather(REGISTRY, mt, rain).orElseThrow().runoffCoefficient()).isEqualTo(0.20);

        Registry measured = REGISTRY.with(new GridCell("G1", "390121", 25.0, LandCover.CROPLAND, null, 0.35));
        assertThat(GridSamples.weather(measured, mt, rain).orElseThrow().runoffCoefficient()).isEqualTo(0.35);
    }

    @Test
    void anObservationWithNothingThatCountsIsNoSample() {
        Observation obs = new Observation("A1", T, null,
                List.of(new Reading("pm25", 42, "µg/m3").withQc(QcVerdict.flagged(org.ecovalue.schemas.observation.Flag.M))));
        assertThat(GridSamples.air(REGISTRY, REGISTRY.station("A1").orElseThrow(), obs)).isEmpty();
    }
}
