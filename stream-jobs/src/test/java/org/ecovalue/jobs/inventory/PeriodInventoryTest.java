package org.ecovalue.jobs.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.registry.UnitKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hour, day and month life cycle of {@link PeriodInventory}, on water_resource: county 390121's outlet
 * flow station reports every 5 minutes (288 readings a day, 12 an hour, 288 × 30 = 8 640 in November).
 * Shanghai is UTC+8: 2026-11-30 23:00 local = 15:00Z, and the hour, the day and the month all end at
 * 2026-12-01 00:00 local = 2026-11-30T16:00Z.
 */
class PeriodInventoryTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOV_END = Instant.parse("2026-11-30T16:00:00Z");
    private static final Duration ALLOWED = Duration.ofMinutes(10);
    private static final Duration HORIZON = Duration.ofHours(1);

    private KeyedOneInputStreamOperatorTestHarness<String, FlowSample, InventoryRecord> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new WaterResourceInventory(SHANGHAI,
                        List.of(PeriodKind.HOUR, PeriodKind.DAY, PeriodKind.MONTH), ALLOWED, HORIZON,
                        Duration.ofHours(1))),
                FlowSample::unitId, Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void flow(Instant ts, double m3s) throws Exception {
        harness.processElement(new FlowSample("390121", "清源县", UnitKind.COUNTY, "F1", "S01",
                ts.toEpochMilli(), m3s, true, 300, 288), ts.toEpochMilli());
    }

    private List<InventoryRecord> finals(String period) {
        return harness.extractOutputValues().stream()
                .filter(r -> r.status() == InventoryStatus.FINAL && r.period().equals(period)).toList();
    }

    @Test
    void theLastHourOfNovemberIsFinalAsAnHourADayAndAMonthAndALateReadingRevisesAllThree() throws Exception {
        flow(NOV_END.minusSeconds(600), 10);  // 23:50 local, 10 m³/s × 300 s = 3 000 m³
        flow(NOV_END.minusSeconds(300), 10);  // 23:55 local, 3 000 m³
        flow(NOV_END, 20);                    // 00:00 on 1 December, 6 000 m³: the next hour, day and month
        harness.processWatermark(NOV_END.plus(ALLOWED).toEpochMilli());

        // each of hour 23, 30 November and November: 6 000 m³ from 2 readings
        //   hour: 2 / 12 = 0.1667; day: 2 / 288 = 0.006944; month: 2 / 8 640 = 0.000231
        assertThat(finals("2026-11-30T23")).singleElement().satisfies(r -> {
            assertThat(r.quantity().value()).isCloseTo(6_000, within(1e-6));
            assertThat(r.completeness()).isCloseTo(2.0 / 12, within(1e-12));
            assertThat(r.revision()).isEqualTo(1);
        });
        assertThat(finals("2026-11-30")).singleElement().satisfies(r -> {
            assertThat(r.quantity().value()).isCloseTo(6_000, within(1e-6));
            assertThat(r.completeness()).isCloseTo(2.0 / 288, within(1e-12));
        });
        assertThat(finals("2026-11")).singleElement().satisfies(r -> {
            assertThat(r.quantity().value()).isCloseTo(6_000, within(1e-6));
            assertThat(r.completeness()).isCloseTo(2.0 / 8_640, within(1e-12));
        });
        // 1 December is still open in every period: LIVE only
        assertThat(finals("2026-12-01T00")).isEmpty();
        assertThat(harness.extractOutputValues()).filteredOn(r -> r.period().equals("2026-12"))
                .extracting(InventoryRecord::status).containsOnly(InventoryStatus.LIVE);

        flow(NOV_END.minusSeconds(900), 10); // 23:45 local arrives late: +3 000 m³ in all three
        for (String period : List.of("2026-11-30T23", "2026-11-30", "2026-11")) {
            assertThat(finals(period)).last().satisfies(r -> {
                assertThat(r.revision()).isEqualTo(2);
                assertThat(r.quantity().value()).isCloseTo(9_000, within(1e-6));
            });
        }

        // December ends 2026-12-31T16:00Z; its horizon an hour later: nothing left
        harness.processWatermark(Instant.parse("2026-12-31T17:00:00Z").toEpochMilli());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aReadingPastItsHoursHorizonStillCountsForItsDayAndMonth() throws Exception {
        flow(NOV_END.plusSeconds(1800), 10);  // 00:30 on 1 December: 3 000 m³
        // 02:00 local: hour 00 ended at 01:00 and its horizon (1 h) has passed; the day and month are open
        harness.processWatermark(NOV_END.plus(Duration.ofHours(2)).toEpochMilli());
        int before = harness.extractOutputValues().size();
        flow(NOV_END.plusSeconds(2100), 10);  // 00:35, too late for its hour

        List<InventoryRecord> after = harness.extractOutputValues().subList(before, harness.extractOutputValues().size());
        assertThat(after).noneMatch(r -> r.period().equals("2026-12-01T00"));
        // the hour turned FINAL with the first reading only: 3 000 m³
        assertThat(finals("2026-12-01T00")).singleElement()
                .satisfies(r -> assertThat(r.quantity().value()).isCloseTo(3_000, within(1e-6)));
        // day and month: both readings once the watermark closes the day (1 Dec 24:00 local = 16:00Z)
        harness.processWatermark(NOV_END.plus(Duration.ofDays(1)).plus(ALLOWED).toEpochMilli());
        assertThat(finals("2026-12-01")).singleElement()
                .satisfies(r -> assertThat(r.quantity().value()).isCloseTo(6_000, within(1e-6)));
    }

    @Test
    void theFirstReadingOfAnHourAlreadyPastItsFinalDeadlineIsFinalAtOnceWithoutWaitingForEventTimeToMove()
            throws Exception {
        // watermark 01:20 local on 1 December: hour 00 (ends 01:00, FINAL at 01:10) is closed but within
        // its horizon (02:00); the first reading of that hour arrives now and event time moves no further
        harness.processWatermark(NOV_END.plus(Duration.ofMinutes(80)).toEpochMilli());
        flow(NOV_END.plusSeconds(1800), 10);  // 00:30 local: 10 m³/s × 300 s = 3 000 m³

        assertThat(finals("2026-12-01T00")).singleElement().satisfies(r -> {
            assertThat(r.quantity().value()).isCloseTo(3_000, within(1e-6));
            assertThat(r.revision()).isEqualTo(1);
        });
        // the day and the month are open: LIVE
        assertThat(finals("2026-12-01")).isEmpty();
        assertThat(finals("2026-12")).isEmpty();
    }
}
