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
import java.util.Map;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.UnitKind;
import org.ecovalue.schemas.standards.water.SurfaceWaterStandard;
import org.ecovalue.schemas.standards.water.WaterBody;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WaterQualityInventoryTest {

    private KeyedOneInputStreamOperatorTestHarness<String, QualitySample, InventoryRecord> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harness(new WaterQualityInventory(SHANGHAI, DAYS, ALLOWED, HORIZON, Duration.ofHours(6)), QualitySample::unitId);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** An hourly river observation with pH 7.5, DO 8.0, CODMn 1.5, TP 0.05 and the given NH3-N. */
    private void hour(int h, double nh3n) throws Exception {
        Map<Parameter, Double> v = Map.of(Parameter.PH, 7.5, Parameter.DO, 8.0, Parameter.CODMN, 1.5,
                Parameter.NH3N, nh3n, Parameter.TP, 0.05);
        double[] factors = SurfaceWaterStandard.REALTIME_FACTORS.stream().mapToDouble(v::get).toArray();
        long ts = DAY_START.plusSeconds(3600L * h).toEpochMilli();
        harness.processElement(new QualitySample("390121", "清源县", UnitKind.COUNTY, "W1", "S01", ts, WaterBody.RIVER,
                WaterClass.III, factors, 24), ts);
    }

    @Test
    void aDayWorseThanClassIIINamesItsMainPollutantsByExceedanceMultiple() throws Exception {
        for (int h = 0; h < 2; h++) {
            Map<Parameter, Double> v = Map.of(Parameter.PH, 7.5, Parameter.DO, 8.0, Parameter.CODMN, 1.5,
                    Parameter.NH3N, h == 0 ? 2.0 : 3.0, Parameter.TP, 0.3);
            double[] factors = SurfaceWaterStandard.REALTIME_FACTORS.stream().mapToDouble(v::get).toArray();
            long ts = DAY_START.plusSeconds(3600L * h).toEpochMilli();
            harness.processElement(new QualitySample("390121", "清源县", UnitKind.COUNTY, "W1", "S01", ts,
                    WaterBody.RIVER, WaterClass.III, factors, 24), ts);
        }
        harness.processWatermark(DAY_END.plus(ALLOWED).toEpochMilli());

        InventoryRecord fin = harness.extractOutputValues().stream()
                .filter(r -> r.status() == InventoryStatus.FINAL).findFirst().orElseThrow();
        // means: NH3-N 2.5 (> 2.0: worse than V), TP 0.3 (river IV); exceedance multiples over class III:
        // NH3-N (2.5 − 1.0) / 1.0 = 1.5, TP (0.3 − 0.2) / 0.2 = 0.5; CODMn 1.5 is class I, pH and DO never count
        assertThat(fin.pollutants()).containsExactly("nh3n", "tp");
        assertThat(fin.negativeIons()).isNull();
    }

    @Test
    void aDayAtClassIIIOrBetterHasNoMainPollutants() throws Exception {
        hour(0, 0.8); // NH3-N 0.8: III
        harness.processWatermark(DAY_END.plus(ALLOWED).toEpochMilli());
        assertThat(harness.extractOutputValues().stream().filter(r -> r.status() == InventoryStatus.FINAL)
                .findFirst().orElseThrow().pollutants()).isNull();
    }

    @Test
    void theDaysGradeIsTheClassOfItsMeansAndTheShareCountsHoursAtOrBetterThanClassIII() throws Exception {
        hour(0, 0.4);  // NH3-N 0.4 ≤ 0.5: II
        hour(1, 1.2);  // 1.0 < 1.2 ≤ 1.5: IV
        hour(2, 0.8);  // 0.5 < 0.8 ≤ 1.0: III
        hour(3, 0.2);  // II (TP 0.05 ≤ 0.1 keeps it at II too)
        harness.processWatermark(DAY_END.plus(ALLOWED).toEpochMilli());

        InventoryRecord fin = harness.extractOutputValues().stream()
                .filter(r -> r.status() == InventoryStatus.FINAL).findFirst().orElseThrow();
        assertThat(fin.product()).isEqualTo(EcoProduct.WATER_QUALITY);
        assertThat(fin.period()).isEqualTo("2026-11-22");
        // mean NH3-N (0.4 + 1.2 + 0.8 + 0.2) / 4 = 0.65 mg/L: class III (GB 3838-2002 Table 1: 0.5 < x ≤ 1.0)
        assertThat(fin.grade()).isEqualTo("III");
        // 3 of 4 hours at or better than III
        assertThat(fin.quantity().value()).isCloseTo(75.0, within(1e-9));
        assertThat(fin.quantity().unit()).isEqualTo("%");
        // 4 of 24 hourly observations
        assertThat(fin.completeness()).isCloseTo(4.0 / 24, within(1e-12));

        harness.processWatermark(DAY_END.plus(HORIZON).toEpochMilli());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aLateBadHourAfterFinalRevisesTheGrade() throws Exception {
        hour(0, 0.4);
        harness.processWatermark(DAY_END.plus(ALLOWED).toEpochMilli());
        hour(1, 1.8); // late; mean (0.4 + 1.8) / 2 = 1.1: class IV

        InventoryRecord last = harness.extractOutputValues().get(harness.extractOutputValues().size() - 1);
        assertThat(last.status()).isEqualTo(InventoryStatus.FINAL);
        assertThat(last.revision()).isEqualTo(2);
        assertThat(last.grade()).isEqualTo("IV");
        assertThat(last.quantity().value()).isCloseTo(50.0, within(1e-9));
    }
}
