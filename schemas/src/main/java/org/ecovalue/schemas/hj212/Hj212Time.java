package org.ecovalue.schemas.hj212;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;

/**
 * HJ 212 time stamps: {@code YYYYMMDDhhmmss} local time of the configured zone (REFERENCE.md §6.4,
 * DESIGN "Semantics"), and {@code YYYYMMDDhhmmsszzz} for QN (§6.2). Some devices append
 * milliseconds to DataTime too (17 digits, testdata V18/V34); both lengths are read.
 */
final class Hj212Time {

    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSS");

    private Hj212Time() {
    }

    /** Reads a 14- or 17-digit local time; anything else is {@code bad-datatime}. */
    static Instant parse(String field, String text, ZoneId zone) throws InputRejectedException {
        int n = text.length();
        if (n != 14 && n != 17) {
            throw bad(field, text, "has " + n + " characters, expected YYYYMMDDhhmmss (14) or with milliseconds (17)");
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw bad(field, text, "is not all digits");
            }
        }
        try {
            LocalDateTime local = LocalDateTime.of(
                    digits(text, 0, 4), digits(text, 4, 6), digits(text, 6, 8),
                    digits(text, 8, 10), digits(text, 10, 12), digits(text, 12, 14),
                    n == 17 ? digits(text, 14, 17) * 1_000_000 : 0);
            return local.atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw bad(field, text, "is not a calendar time (" + e.getMessage() + ")");
        }
    }

    static String formatDataTime(Instant instant, ZoneId zone) {
        return DATA_TIME.format(instant.atZone(zone));
    }

    static String formatQn(Instant instant, ZoneId zone) {
        return QN.format(instant.atZone(zone));
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    private static InputRejectedException bad(String field, String text, String why) {
        return new InputRejectedException(RejectReason.BAD_DATATIME, field + " '" + Hj212Text.abbreviate(text) + "' " + why);
    }
}
