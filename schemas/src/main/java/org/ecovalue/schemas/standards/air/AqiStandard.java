package org.ecovalue.schemas.standards.air;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The version of 《环境空气质量指数（AQI）技术规定》 that produced an AQI. HJ 633-2026 replaced
 * HJ 633-2012 on 2026-03-01 (REFERENCE.md, version alert 1); which one applies is decided by the
 * time of the data, never by the time of the computation (REFERENCE.md §8.1).
 */
public enum AqiStandard {
    HJ633_2012("HJ633-2012"),
    HJ633_2026("HJ633-2026");

    /** 2026-03-01 00:00 Beijing time: data at or after this instant are HJ 633-2026 data. */
    public static final Instant HJ633_2026_IN_FORCE =
            OffsetDateTime.of(2026, 3, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8)).toInstant();

    private final String code;

    AqiStandard(String code) {
        this.code = code;
    }

    /** "HJ633-2012" or "HJ633-2026", the tag every result carries. */
    public String code() {
        return code;
    }

    /** The version in force at the time of the data. */
    public static AqiStandard at(Instant dataTime) {
        Objects.requireNonNull(dataTime, "dataTime");
        return dataTime.isBefore(HJ633_2026_IN_FORCE) ? HJ633_2012 : HJ633_2026;
    }

    @Override
    public String toString() {
        return code;
    }
}
