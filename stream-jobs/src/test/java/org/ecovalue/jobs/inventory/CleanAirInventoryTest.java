package org.ecovalue.jobs.inventory;

import static org.ecovalue.jobs.inventory.InventoryTestDay.DAYS;
import static org.ecovalue.jobs.inventory.InventoryTestDay.SHANGHAI;
import static org.ecovalue.jobs.inventory.InventoryTestDay.DAY_START;
import static org.ecovalue.jobs.inventory.InventoryTestDay.DAY_END;
import static org.ecovalue.jobs.inventory.InventoryTestDay.ALLOWED;
import static org.ecovalue.jobs.inventory.InventoryTestDay.HORIZON;
import static org.ecovalue.jobs.inventory.InventoryTestDay.harness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.registry.UnitKind;
import org.ecovalue.schemas.standards.air.AqiIndicator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CleanAirInventoryTest {

    /** 2026-11-22 in Beijing time: HJ 633-2026 data. */
    /** 2025-11-22 in Beijing time: HJ 633-2012 data. */
    private static final Instant DAY_2025 = Instant.parse("2025-11-21T16:00:00Z");

    private KeyedOneInputStreamOperatorTestHarness<String, AirSample, InventoryRecord> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harness(new CleanAirInventory(SHANGHAI, DAYS, ALLOWED, HORIZON, Duration.ofHours(6)), AirSample::unitId);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** Two hourly air stations in cell QX-G01: 48 observations expected a day. */
    private void obs(String station, Instant dayStart, int hour, int minute, Map<Parameter, Double> values,
                     double ions) throws Exception {
        double[] p = new double[AirSample.POLLUTANTS.size()];
        Arrays.fill(p, Double.NaN);
        values.forEach((k, v) -> p[AirSample.POLLUTANTS.indexOf(k)] = v);
        long ts = dayStart.plusSeconds(3600L * hour + 60L * minute).toEpochMilli();
        harness.processElement(new AirSample("QX-G01", "QX-G01", UnitKind.GRID, station, ts, p, ions, 48), ts);
    }

    private InventoryRecord lastFinal() {
        List<InventoryRecord> finals = harness.extractOutputValues().stream()
                .filter(r -> r.status() == InventoryStatus.FINAL).toList();
        return finals.get(finals.size() - 1);
    }

    @Test
    void theDayCarriesThePrimaryPollutantOfMostHoursAndTheMeanNegativeIonsWhereMeasured() throws Exception {
        // HJ 633-2026: PM2.5 75 → IAQI 114 (primary PM2.5) in hours 0 and 1; O3 180 → 50 + 50·20/40 = 75
        // (primary O3) in hour 2: PM2.5 led 2 hours, O3 1
        obs("AQ1", DAY_START, 0, 0, Map.of(Parameter.PM25, 75.0), 1000);
        obs("AQ1", DAY_START, 1, 0, Map.of(Parameter.PM25, 75.0), Double.NaN);
        obs("AQ1", DAY_START, 2, 0, Map.of(Parameter.O3, 180.0), 3000);
        harness.processWatermark(DAY_END.plus(ALLOWED).toEpochMilli());

        InventoryRecord fin = lastFinal();
        assertThat(fin.pollutants()).containsExactly("pm25");
        // ions measured in hours 0 and 2: (1000 + 3000) / 2 = 2000 ions/cm³
        assertThat(fin.negativeIons()).isEqualTo(2000.0);
    }

    @Test
    void eachHourIsScoredOnItsMeansAndTheDayCountsGoodHoursUnderHj633Of2026() throws Exception {
        // hour 0: PM2.5 75 on the 2026 PM2.5 column (60 → 100, 115 → 150): 100 + 50·15/55 = 113.6 → 114,
        // PM10 50 → 50, SO2 10 → 50·10/150 = 3.3 → 4: AQI 114, 三级, not good
        obs("AQ1", DAY_START, 0, 0, Map.of(Parameter.PM25, 75.0, Parameter.PM10, 50.0, Parameter.SO2, 10.0), 1000);
        // hour 1: PM2.5 30 → 50·30/35 = 42.9 → 43; O3 1h 180 (160 → 50, 200 → 100): 50 + 50·20/40 = 75: AQI 75, good
        obs("AQ1", DAY_START, 1, 0, Map.of(Parameter.PM25, 30.0, Parameter.O3, 180.0), Double.NaN);
        // hour 2: two stations, PM2.5 20 and 40: the hour's mean 30 → 43: good
        obs("AQ1", DAY_START, 2, 0, Map.of(Parameter.PM25, 20.0), 3000);
        obs("AQ2", DAY_START, 2, 30, Map.of(Parameter.PM25, 40.0), Double.NaN);
        // hour 3: PM2.5 60 is the 2026 breakpoint of IAQI 100: AQI 100, still good
        obs("AQ2", DAY_START, 3, 0, Map.of(Parameter.PM25, 60.0), Double.NaN);
        harness.processWatermark(DAY_END.plus(ALLOWED).toEpochMilli());

        InventoryRecord fin = lastFinal();
        assertThat(fin.product()).isEqualTo(EcoProduct.CLEAN_AIR);
        assertThat(fin.unitKind()).isEqualTo(UnitKind.GRID);
        assertThat(fin.period()).isEqualTo("2026-11-22");
        assertThat(fin.revision()).isEqualTo(1);
        assertThat(fin.quantity().value()).isCloseTo(75.0, within(1e-9)); // 3 of 4 rated hours
        assertThat(fin.quantity().unit()).isEqualTo("%");
        assertThat(fin.grade()).isEqualTo("三级"); // worst hour: AQI 114
        assertThat(fin.completeness()).isCloseTo(5.0 / 48, within(1e-12));
        assertThat(fin.stations()).containsExactly("AQ1", "AQ2");
        assertThat(fin.value()).isNull(); // gep-2010 has no clean_air price

        harness.processWatermark(DAY_END.plus(HORIZON).toEpochMilli());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void primaryPollutantsAreThoseThatLedTheMostHoursAndIonsAreAveragedWhereMeasured() {
        AirSample first = sample(0, Map.of(Parameter.PM25, 75.0), 1000);
        PeriodAir day = PeriodAir.empty(first, InventoryPeriod.of(PeriodKind.DAY, DAY_START.toEpochMilli(), SHANGHAI)).plus(first)
                .plus(sample(1, Map.of(Parameter.O3, 180.0), Double.NaN)) // O3 1h 75: primary O3
                .plus(sample(2, Map.of(Parameter.PM25, 60.0), 3000))      // PM2.5 100: primary PM2.5
                .plus(sample(3, Map.of(Parameter.PM25, 10.0), Double.NaN)); // 15: ≤ 50, no primary
        assertThat(PeriodAir.primaryPollutants(day.hourlyReports())).containsExactly(AqiIndicator.PM25_24H);
        assertThat(day.meanNegativeIons().orElseThrow()).isCloseTo(2000.0, within(1e-9));
    }

    private static AirSample sample(int hour, Map<Parameter, Double> values, double ions) {
        double[] p = new double[AirSample.POLLUTANTS.size()];
        Arrays.fill(p, Double.NaN);
        values.forEach((k, v) -> p[AirSample.POLLUTANTS.indexOf(k)] = v);
        return new AirSample("QX-G01", "QX-G01", UnitKind.GRID, "AQ1",
                DAY_START.plusSeconds(3600L * hour).toEpochMilli(), p, ions, 24);
    }

    @Test
    void theStandardIsTheOneInForceAtTheHour() throws Exception {
        // 2025: HJ 633-2012, PM2.5 75 is its IAQI-100 breakpoint: AQI 100, good (under 2026 it would be 114)
        obs("AQ1", DAY_2025, 5, 0, Map.of(Parameter.PM25, 75.0), Double.NaN);
        harness.processWatermark(DAY_2025.plus(Duration.ofDays(1)).plus(ALLOWED).toEpochMilli());
        InventoryRecord fin = lastFinal();
        assertThat(fin.period()).isEqualTo("2025-11-22");
        assertThat(fin.quantity().value()).isCloseTo(100.0, within(1e-9));
        assertThat(fin.grade()).isEqualTo("二级");
    }

    @Test
    void aLateObservationAfterFinalYieldsANewRevisionAndOneBeyondTheHorizonIsCountedNotApplied() throws Exception {
        obs("AQ1", DAY_START, 0, 0, Map.of(Parameter.PM25, 30.0), Double.NaN); // 43, good
        harness.processWatermark(DAY_END.plus(ALLOWED).toEpochMilli());
        assertThat(lastFinal().quantity().value()).isCloseTo(100.0, within(1e-9));

        obs("AQ1", DAY_START, 1, 0, Map.of(Parameter.PM25, 75.0), Double.NaN); // 114, not good
        InventoryRecord second = lastFinal();
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.quantity().value()).isCloseTo(50.0, within(1e-9));

        harness.processWatermark(DAY_END.plus(HORIZON).toEpochMilli());
        int before = harness.extractOutputValues().size();
        obs("AQ1", DAY_START, 2, 0, Map.of(Parameter.PM25, 75.0), Double.NaN);
        assertThat(harness.extractOutputValues()).hasSize(before);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
