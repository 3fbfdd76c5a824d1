package org.ecovalue.jobs.inventory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.registry.PeriodKind;

/** The day the inventory tests take place on, their lateness settings, and an opened harness around a product's function. */
final class InventoryTestDay {

    /** The day life cycle; hours and months are tested in PeriodInventoryTest. */
    static final List<PeriodKind> DAYS = List.of(PeriodKind.DAY);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2026-11-22 00:00 in Shanghai = 2026-11-21T16:00Z; the day ends 2026-11-22T16:00Z. */
    static final Instant DAY_START = Instant.parse("2026-11-21T16:00:00Z");
    static final Instant DAY_END = Instant.parse("2026-11-22T16:00:00Z");
    static final Duration ALLOWED = Duration.ofMinutes(10);
    static final Duration HORIZON = Duration.ofHours(6);

    private InventoryTestDay() {
    }

    /** {@code inventory} keyed by unit in an opened operator test harness. */
    static <S> KeyedOneInputStreamOperatorTestHarness<String, S, InventoryRecord> harness(
            KeyedProcessFunction<String, S, InventoryRecord> inventory, KeySelector<S, String> unit) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, S, InventoryRecord> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(inventory), unit, Types.STRING);
        harness.open();
        return harness;
    }
}
