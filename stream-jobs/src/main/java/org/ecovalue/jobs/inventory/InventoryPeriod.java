package org.ecovalue.jobs.inventory;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.ecovalue.schemas.registry.PeriodKind;

/**
 * One clock hour, calendar day or month in the registry's zone, as {@link PeriodInventory} keeps figures
 * for it.
 *
 * @param startMs first instant, epoch ms (inclusive)
 * @param endMs   first instant of the next period, epoch ms (exclusive)
 */
public record InventoryPeriod(PeriodKind kind, String label, long startMs, long endMs) {

    private static final double MS_PER_DAY = 86_400_000.0;

    public InventoryPeriod {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        if (endMs <= startMs) {
            throw new IllegalArgumentException("a period ends after it starts");
        }
    }

    /** The period of {@code kind} that holds {@code tsMillis} in {@code zone}. */
    public static InventoryPeriod of(PeriodKind kind, long tsMillis, ZoneId zone) {
        String label = kind.label(Instant.ofEpochMilli(tsMillis), zone);
        return new InventoryPeriod(kind, label, kind.start(label, zone).toEpochMilli(),
                kind.end(label, zone).toEpochMilli());
    }

    /** The period of this label in {@code zone}. */
    public static InventoryPeriod ofLabel(String label, ZoneId zone) {
        PeriodKind kind = PeriodKind.ofLabel(label);
        return new InventoryPeriod(kind, label, kind.start(label, zone).toEpochMilli(),
                kind.end(label, zone).toEpochMilli());
    }

    /** Length in days (1/24 for an hour, 23/24 for the short day of a daylight-saving zone, 30 for June …). */
    public double days() {
        return (endMs - startMs) / MS_PER_DAY;
    }

    /** {@code perDay} scaled to this period's length; exact for whole hours of whole-number rates. */
    public double ofDaily(double perDay) {
        return perDay * (endMs - startMs) / MS_PER_DAY;
    }
}
