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
import java.util.List;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.UnitKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WaterResourceInventoryTest {

    private KeyedOneInputStreamOperatorTestHarness<String, FlowSample, InventoryRecord> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harness(new WaterResourceInventory(SHANGHAI, DAYS, ALLOWED, HORIZON, Duration.ofHours(1)), FlowSample::unitId);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** A 5-minute flow reading of county 390121's outlet; 288 are expected a day. */
    private void flow(Instant ts, double m3s, boolean counts) throws Exception {
        harness.processElement(new FlowSample("390121", "清源县", UnitKind.COUNTY, "F1", "S01",
                ts.toEpochMilli(), m3s, counts, 300, 288), ts.toEpochMilli());
    }

    private List<InventoryRecord> out() {
        return harness.extractOutputValues();
    }

    @Test
    void anHourAt35point2CubicMetresPerSecondIs126720CubicMetresWhenTheDayTurnsFinal() throws Exception {
        for (int i = 0; i < 12; i++) {
            flow(DAY_START.plusSeconds(300L * i), 35.2, true);
        }
        // one LIVE figure so far: the first reading (rate limit 1 h), 35.2 × 300 = 10 560 m³
        assertThat(out()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(InventoryStatus.LIVE);
            assertThat(r.quantity().value()).isCloseTo(10_560, within(1e-6));
        });

        harness.processWatermark(DAY_END.plus(ALLOWED).toEpochMilli());

        InventoryRecord fin = out().get(1);
        assertThat(fin.status()).isEqualTo(InventoryStatus.FINAL);
        assertThat(fin.revision()).isEqualTo(1);
        assertThat(fin.unitId()).isEqualTo("390121");
        assertThat(fin.product()).isEqualTo(EcoProduct.WATER_RESOURCE);
        assertThat(fin.period()).isEqualTo("2026-11-22");
        // 35.2 m³/s × 3600 s = 126 720 m³; 12 of 288 readings = 1/24
        assertThat(fin.quantity().value()).isCloseTo(126_720, within(1e-6));
        assertThat(fin.quantity().unit()).isEqualTo("m3");
        assertThat(fin.completeness()).isCloseTo(1.0 / 24, within(1e-12));
        assertThat(fin.stations()).containsExactly("F1");
    }

    @Test
    void aReadingThatFailedQualityControlAddsNeitherVolumeNorCompleteness() throws Exception {
        flow(DAY_START, 35.2, true);
        flow(DAY_START.plusSeconds(300), 9999, false);
        harness.processWatermark(DAY_END.plus(ALLOWED).toEpochMilli());

        InventoryRecord fin = out().get(out().size() - 1);
        assertThat(fin.quantity().value()).isCloseTo(10_560, within(1e-6));
        assertThat(fin.completeness()).isCloseTo(1.0 / 288, within(1e-12));
    }

    @Test
    void aReadingAfterFinalMakesTheNextRevisionAndOneAfterTheHorizonChangesNothing() throws Exception {
        flow(DAY_START, 35.2, true);
        harness.processWatermark(DAY_END.plus(ALLOWED).toEpochMilli());
        flow(DAY_START.plusSeconds(300), 10.0, true); // late, within the horizon

        InventoryRecord revised = out().get(out().size() - 1);
        assertThat(revised.status()).isEqualTo(InventoryStatus.FINAL);
        assertThat(revised.revision()).isEqualTo(2);
        // 10 560 + 10 × 300 = 13 560 m³
        assertThat(revised.quantity().value()).isCloseTo(13_560, within(1e-6));

        harness.processWatermark(DAY_END.plus(HORIZON).toEpochMilli());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();

        int before = out().size();
        flow(DAY_START.plusSeconds(600), 10.0, true);
        assertThat(out()).hasSize(before);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void daysFollowTheCalendarOfTheZoneNotUtc() throws Exception {
        // 2026-11-22T15:59Z is 23:59 in Shanghai (day 22); 16:00Z is 00:00 on the 23rd
        flow(DAY_END.minusSeconds(60), 1.0, true);
        flow(DAY_END, 2.0, true);
        harness.processWatermark(DAY_END.plus(Duration.ofDays(1)).plus(ALLOWED).toEpochMilli());

        assertThat(out()).filteredOn(r -> r.status() == InventoryStatus.FINAL)
                .extracting(r -> r.period() + " " + r.quantity().value())
                .containsExactly("2026-11-22 300.0", "2026-11-23 600.0");
    }
}
