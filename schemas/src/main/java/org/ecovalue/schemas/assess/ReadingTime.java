package org.ecovalue.schemas.assess;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;

/**
 * The {@code ts} of a row: ISO-8601 with an offset or epoch milliseconds, as in the pipeline's
 * contract (DESIGN.md); and, because published tables are written that way, a local date-time
 * ({@code 2026-08-15 08:00}, CNEMC's 监测时间) or a date (a daily report) in the configured zone.
 */
final class ReadingTime {

    private static final Pattern EPOCH_MS = Pattern.compile("-?\\d{9,}");
    private static final Pattern SPACE_BEFORE_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) +(\\d)");

    private ReadingTime() {
    }

    static Instant parse(String text, ZoneId localZone) throws InputRejectedException {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new InputRejectedException(RejectReason.MISSING_FIELD, "ts is empty");
        }
        if (EPOCH_MS.matcher(t).matches()) {
            return Instant.ofEpochMilli(Long.parseLong(t));
        }
        String iso = SPACE_BEFORE_TIME.matcher(t).replaceFirst("$1T$2");
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeException notWithOffset) {
            try {
                return LocalDateTime.parse(iso).atZone(localZone).toInstant();
            } catch (DateTimeException notLocal) {
                try {
                    return LocalDate.parse(iso).atStartOfDay(localZone).toInstant();
                } catch (DateTimeException notADate) {
                    throw new InputRejectedException(RejectReason.BAD_TIMESTAMP,
                            "ts '" + t + "' is neither ISO-8601 (with or without offset) nor epoch milliseconds");
                }
            }
        }
    }
}
