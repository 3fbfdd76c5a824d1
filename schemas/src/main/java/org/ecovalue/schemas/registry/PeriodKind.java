package org.ecovalue.schemas.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Accounting periods and their labels as they appear in {@code period} fields and Kafka keys:
 * {@code 2026-11-22T08}, {@code 2026-11-22}, {@code 2026-11}, {@code 2026}. A period is a clock hour,
 * calendar day, month or year in a zone (an agreement's or the registry's, default Asia/Shanghai), not a
 * fixed-length window (DESIGN.md "Semantics"). An hour is labelled by its local start; in a zone with
 * daylight saving the repeated autumn hour shares a label (China has none).
 */
public enum PeriodKind {
    /** Inventory only: agreements settle per month or year. */
    HOUR("hour"),
    DAY("day"),
    MONTH("month"),
    YEAR("year");

    private final String code;

    PeriodKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The label of the period of this kind that contains {@code date}; not for hours, which need a time. */
    public String label(LocalDate date) {
        return switch (this) {
            case HOUR -> throw new IllegalArgumentException("an hour's label needs a time, not a date");
            case DAY -> date.toString();
            case MONTH -> YearMonth.from(date).toString();
            case YEAR -> Year.from(date).toString();
        };
    }

    /** The label of the period that contains {@code instant} in {@code zone}. */
    public String label(Instant instant, ZoneId zone) {
        if (this == HOUR) {
            return LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.HOURS).format(HOUR_LABEL);
        }
        return label(LocalDate.ofInstant(instant, zone));
    }

    private static final DateTimeFormatter HOUR_LABEL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH")
            .withResolverStyle(ResolverStyle.STRICT);

    /** First day of the labelled period. */
    public LocalDate firstDay(String label) {
        requireKind(label);
        return switch (this) {
            case HOUR -> LocalDate.parse(label.substring(0, 10));
            case DAY -> LocalDate.parse(label);
            case MONTH -> YearMonth.parse(label).atDay(1);
            case YEAR -> Year.parse(label).atDay(1);
        };
    }

    /** The label of the period just before the labelled one (2026-01 → 2025-12). */
    public String previous(String label) {
        return label(firstDay(label).minusDays(1));
    }

    /** Start of the labelled period in {@code zone} (inclusive). */
    public Instant start(String label, ZoneId zone) {
        if (this == HOUR) {
            return hourStart(label).atZone(zone).toInstant();
        }
        return firstDay(label).atStartOfDay(zone).toInstant();
    }

    /** End of the labelled period in {@code zone} (exclusive): the start of the next one. */
    public Instant end(String label, ZoneId zone) {
        if (this == HOUR) {
            return start(label, zone).plus(1, ChronoUnit.HOURS);
        }
        LocalDate first = firstDay(label);
        LocalDate next = switch (this) {
            case HOUR -> throw new IllegalStateException("handled above");
            case DAY -> first.plusDays(1);
            case MONTH -> first.plusMonths(1);
            case YEAR -> first.plusYears(1);
        };
        return next.atStartOfDay(zone).toInstant();
    }

    /**
     * The local start of an hour label, parsed once: the strict pattern is itself the check that the label
     * is an hour's (a period's bounds are worked out for every record and timer of the inventory).
     */
    private static LocalDateTime hourStart(String label) {
        if (label.length() == 13) {
            try {
                return LocalDateTime.parse(label, HOUR_LABEL);
            } catch (DateTimeException e) {
                // not an hour label: the error below
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not a " + HOUR.code + " label");
    }

    private void requireKind(String label) {
        if (ofLabel(label) != this) {
            throw new IllegalArgumentException("'" + label + "' is not a " + code + " label");
        }
    }

    /** The kind of a period label; an {@link IllegalArgumentException} for anything that is not one. */
    public static PeriodKind ofLabel(String label) {
        if (label != null) {
            try {
                switch (label.length()) {
                    case 13 -> {
                        LocalDateTime.parse(label, HOUR_LABEL);
                        return HOUR;
                    }
                    case 10 -> {
                        LocalDate.parse(label);
                        return DAY;
                    }
                    case 7 -> {
                        YearMonth.parse(label);
                        return MONTH;
                    }
                    case 4 -> {
                        if (label.chars().allMatch(Character::isDigit)) {
                            return YEAR;
                        }
                    }
                    default -> {
                        // falls through to the error below
                    }
                }
            } catch (DateTimeException e) {
                // falls through to the error below
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not a period label (yyyy-MM-ddTHH, yyyy-MM-dd, yyyy-MM or yyyy)");
    }

    @JsonCreator
    public static PeriodKind ofCode(String code) {
        for (PeriodKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown period '" + code + "' ("
                + Arrays.stream(values()).map(PeriodKind::code).collect(Collectors.joining("|")) + ")");
    }
}
