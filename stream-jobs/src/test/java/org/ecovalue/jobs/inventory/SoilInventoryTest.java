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
import java.util.Arrays;
import java.util.List;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.UnitKind;
import org.ecovalue.schemas.standards.soil.Gb15618Tables;
import org.ecovalue.schemas.standards.soil.LandUse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SoilInventoryTest {

    private static final double NONE = Double.NaN;

    private KeyedOneInputStreamOperatorTestHarness<String, SoilSample, InventoryRecord> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harness(new SoilInventory(SHANGHAI, DAYS, ALLOWED, HORIZON, Duration.ofHours(6)), SoilSample::unitId);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** One hourly soil station: 24 observations expected a day. */
    private void obs(String cell, LandUse use, int hour, double moisture, double ph, double cd) throws Exception {
        double[] metals = new double[Gb15618Tables.METALS.size()];
        Arrays.fill(metals, NONE);
        metals[Gb15618Tables.METALS.indexOf(Parameter.CD)] = cd;
        long ts = DAY_START.plusSeconds(3600L * hour).toEpochMilli();
        harness.processElement(new SoilSample(cell, cell, UnitKind.GRID, "TR1", ts, moisture, ph, metals, use, 24), ts);
    }

    private InventoryRecord finalOf(String cell) {
        List<InventoryRecord> finals = harness.extractOutputValues().stream()
                .filter(r -> r.status() == InventoryStatus.FINAL && r.unitId().equals(cell)).toList();
        return finals.get(finals.size() - 1);
    }

    @Test
    void theDayIsAssessedOnItsMeanMetalsAtItsMeanPhAndReportsMeanMoisture() throws Exception {
        // the same samples on "other" farmland and on a paddy field
        for (var cell : List.of("G-OTHER", "G-PADDY")) {
            LandUse use = cell.equals("G-OTHER") ? LandUse.OTHER : LandUse.PADDY;
            obs(cell, use, 0, 20, 6.0, 0.35);
            obs(cell, use, 1, 30, 7.0, 0.45);
            obs(cell, use, 2, NONE, NONE, NONE); // nothing valid: not counted
        }
        harness.processWatermark(DAY_END.plus(ALLOWED).toEpochMilli());

        // mean pH 6.5 is band ② (5.5 < pH ≤ 6.5), mean Cd 0.40 mg/kg.
        // Other farmland: screening ② 0.3 < 0.40 ≤ intervention ② 2.0 → safe utilisation (GB 15618 Tables 1, 3)
        InventoryRecord other = finalOf("G-OTHER");
        assertThat(other.product()).isEqualTo(EcoProduct.SOIL);
        assertThat(other.period()).isEqualTo("2026-11-22");
        assertThat(other.grade()).isEqualTo("safe-utilization");
        assertThat(other.quantity().value()).isCloseTo(25.0, within(1e-9)); // (20 + 30) / 2
        assertThat(other.quantity().unit()).isEqualTo("%");
        assertThat(other.completeness()).isCloseTo(2.0 / 24, within(1e-12));
        // paddy: screening ② 0.4, and 0.40 ≤ 0.4 → priority protection
        assertThat(finalOf("G-PADDY").grade()).isEqualTo("priority-protection");

        harness.processWatermark(DAY_END.plus(HORIZON).toEpochMilli());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void withoutPhOrMetalsThereIsNoRiskClassOnlyMoisture() throws Exception {
        obs("G1", LandUse.OTHER, 0, 18, NONE, 0.9); // Cd but no pH: the band, hence the class, is unknown
        harness.processWatermark(DAY_END.plus(ALLOWED).toEpochMilli());
        InventoryRecord fin = finalOf("G1");
        assertThat(fin.grade()).isNull();
        assertThat(fin.quantity().value()).isCloseTo(18.0, within(1e-9));
        assertThat(fin.revision()).isEqualTo(1);
    }

    @Test
    void aDayWithMetalsButNoMoistureEmitsNothingUntilMoistureArrives() throws Exception {
        obs("G1", LandUse.OTHER, 0, NONE, 6.0, 0.2);
        harness.processWatermark(DAY_END.plus(ALLOWED).toEpochMilli());
        assertThat(harness.extractOutputValues()).isEmpty();
        obs("G1", LandUse.OTHER, 1, 22, NONE, NONE); // late moisture: the first visible FINAL, revision 2
        InventoryRecord fin = finalOf("G1");
        assertThat(fin.revision()).isEqualTo(2);
        assertThat(fin.grade()).isEqualTo("priority-protection"); // Cd 0.2 ≤ 0.3 at pH 6.0
        assertThat(fin.quantity().value()).isCloseTo(22.0, within(1e-9));
    }
}
