package org.ecovalue.jobs.inventory;

import static org.ecovalue.jobs.inventory.InventoryTestDay.SHANGHAI;
import static org.ecovalue.jobs.inventory.InventoryTestDay.ALLOWED;
import static org.ecovalue.jobs.inventory.InventoryTestDay.HORIZON;
import static org.ecovalue.jobs.inventory.InventoryTestDay.harness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.LandCover;
import org.ecovalue.schemas.registry.UnitKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 25 km² forest cell with one weather station (every 10 minutes: 144 a day) that sees the weather of
 * FAO-56 Example 18 (Uccle, 6 July: Tmin 12.3, Tmax 21.5 °C, RH 63–84 %, u2 2.078 m/s, Rs 22.07 MJ m⁻² d⁻¹
 * = 255.4 W/m² on average; ET0 3.9 mm/day) — on 2026-07-06 (J = 187 as in the example).
 */
class WaterConservationInventoryTest {

    private static final Instant DAY_START = Instant.parse("2026-07-05T16:00:00Z");
    private static final Instant DAY_END = Instant.parse("2026-07-06T16:00:00Z");
    private static final double NONE = Double.NaN;
    private static final double UCCLE_LAT = 50.8;
    private static final double RS_WM2 = 22.07 / 0.0864;

    private KeyedOneInputStreamOperatorTestHarness<String, WeatherSample, InventoryRecord> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harness(new WaterConservationInventory(SHANGHAI, ALLOWED, HORIZON, Duration.ofHours(6)), WeatherSample::unitId);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void obs(int hour, double rainMm, double t, double rh) throws Exception {
        obs(hour, rainMm, t, rh, RunoffCoefficients.defaultOf(LandCover.FOREST));
    }

    private void obs(int hour, double rainMm, double t, double rh, double runoffCoefficient) throws Exception {
        long ts = DAY_START.plusSeconds(3600L * hour).toEpochMilli();
        harness.processElement(new WeatherSample("G1", "G1", UnitKind.GRID, "MT1", ts, rainMm, t, rh, 2.078, RS_WM2,
                UCCLE_LAT, 25.0, runoffCoefficient, 7.06, "gep-2010/water_conservation@2010-01-01", 144, "G1"), ts);
    }

    /** A roll-up copy for county 390121 of an observation in {@code cell} (two stations: 288 a day). */
    private void countyObs(String cell, String station, double areaKm2, double alpha, int hour, double rainMm,
                           double t, double rh) throws Exception {
        long ts = DAY_START.plusSeconds(3600L * hour).toEpochMilli();
        harness.processElement(new WeatherSample("390121", "岚山县", UnitKind.COUNTY, station, ts, rainMm, t, rh, 2.078,
                RS_WM2, UCCLE_LAT, areaKm2, alpha, 7.06, "gep-2010/water_conservation@2010-01-01", 288, cell), ts);
    }

    private InventoryRecord lastFinal() {
        List<InventoryRecord> finals = harness.extractOutputValues().stream()
                .filter(r -> r.status() == InventoryStatus.FINAL).toList();
        return finals.get(finals.size() - 1);
    }

    @Test
    void aRainyDayConservesPrecipitationLessRunoffLessEvapotranspirationOverTheCell() throws Exception {
        obs(3, 5, 12.3, 84);
        obs(9, 10, 17.0, 70);
        obs(14, 0, 21.5, 63);
        obs(20, NONE, NONE, NONE); // nothing measured but wind and radiation: still a valid observation
        harness.processWatermark(DAY_END.plus(ALLOWED).toEpochMilli());

        InventoryRecord fin = lastFinal();
        assertThat(fin.product()).isEqualTo(EcoProduct.WATER_CONSERVATION);
        assertThat(fin.period()).isEqualTo("2026-07-06");
        // P 15 mm, forest runoff 3 % → 14.55 mm retained, ET0 3.9 mm → 10.65 mm over 25 km² = 266 250 m³;
        // the example's 3.9 is rounded and it sits 100 m up (we assume sea level): ± 0.06 mm = ± 1 500 m³
        assertThat(fin.quantity().unit()).isEqualTo("m3");
        assertThat(fin.quantity().value()).isCloseTo(266_250, within(1_500.0));
        // valued at the reservoir storage cost, 7.06 CNY/m³, to the fen
        assertThat(fin.value().priceRef()).isEqualTo("gep-2010/water_conservation@2010-01-01");
        assertThat(fin.value().cny()).isEqualByComparingTo(BigDecimal.valueOf(fin.quantity().value())
                .multiply(new BigDecimal("7.06")).setScale(2, RoundingMode.HALF_UP));
        assertThat(fin.completeness()).isCloseTo(4.0 / 144, within(1e-12));

        harness.processWatermark(DAY_END.plus(HORIZON).toEpochMilli());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void theRegistrysRunoffCoefficientOfTheCellReplacesTheLandCoverDefault() throws Exception {
        obs(3, 5, 12.3, 84, 0.10);
        obs(9, 10, 17.0, 70, 0.10);
        obs(14, 0, 21.5, 63, 0.10);
        harness.processWatermark(DAY_END.plus(ALLOWED).toEpochMilli());
        // P 15 mm, runoff 10 % → 13.5 mm retained, ET0 3.9 mm → 9.6 mm over 25 km² = 240 000 m³ (± 1 500 as above)
        assertThat(lastFinal().quantity().value()).isCloseTo(240_000, within(1_500.0));
    }

    @Test
    void aCountysWaterConservedIsTheSumOfItsCellsBalancesNotTheBalanceOfPooledWeather() throws Exception {
        // G1: 25 km² forest (α 0.03), 15 mm; G2: 10 km² cropland (α 0.20), 5 mm; both the Uccle weather (ET0 3.9)
        countyObs("G1", "MT1", 25.0, 0.03, 3, 5, 12.3, 84);
        countyObs("G1", "MT1", 25.0, 0.03, 9, 10, 17.0, 70);
        countyObs("G1", "MT1", 25.0, 0.03, 14, 0, 21.5, 63);
        countyObs("G2", "MT2", 10.0, 0.20, 3, 5, 12.3, 84);
        countyObs("G2", "MT2", 10.0, 0.20, 14, 0, 21.5, 63);
        harness.processWatermark(DAY_END.plus(ALLOWED).toEpochMilli());

        InventoryRecord fin = lastFinal();
        assertThat(fin.unitId()).isEqualTo("390121");
        // G1: (15 × 0.97 − 3.9) mm × 25 km² = 10.65 × 25 000 = 266 250 m³
        // G2: (5 × 0.80 − 3.9) mm × 10 km² = 0.1 × 10 000 = 1 000 m³; total 267 250 m³ (± 0.06 mm of ET0 on
        // 35 km² = ± 2 100 m³). Pooled weather (P 10 mm over 35 km²) would be far off.
        assertThat(fin.quantity().value()).isCloseTo(267_250, within(2_100.0));
        assertThat(fin.stations()).containsExactly("MT1", "MT2");
        assertThat(fin.completeness()).isCloseTo(5.0 / 288, within(1e-12));
    }

    @Test
    void aDryDayIsADeficitWithNoValue() throws Exception {
        obs(3, 0, 12.3, 84);
        obs(14, 0, 21.5, 63);
        harness.processWatermark(DAY_END.plus(ALLOWED).toEpochMilli());
        InventoryRecord fin = lastFinal();
        // −3.9 mm over 25 km² ≈ −97 500 m³
        assertThat(fin.quantity().value()).isCloseTo(-97_500, within(1_500.0));
        assertThat(fin.value()).isNull();
    }

    @Test
    void withoutPrecipitationNothingIsReported() throws Exception {
        obs(3, NONE, 12.3, 84);
        obs(14, NONE, 21.5, 63);
        harness.processWatermark(DAY_END.plus(HORIZON).toEpochMilli());
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }
}
