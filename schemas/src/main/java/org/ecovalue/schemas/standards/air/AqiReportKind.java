package org.ecovalue.schemas.standards.air;

import java.util.List;
import java.util.Optional;
import org.ecovalue.schemas.observation.Parameter;

/**
 * Daily report (日报) or real-time hourly report (实时报): which concentrations go into the AQI.
 */
public enum AqiReportKind {
    /**
     * Real-time report as CNEMC publishes it (REFERENCE.md §2.6, checked against published
     * station-hours): SO2, NO2, CO and O3 1-hour means on their 1-hour columns; the hourly PM10 and
     * PM2.5 on the 24-hour columns, since the table has no 1-hour PM column.
     */
    HOURLY,
    /**
     * Daily report: 24-hour means of SO2, NO2, PM10, CO and PM2.5 and the daily maximum 8-hour moving
     * mean of O3. Under HJ 633-2012 also the daily maximum 1-hour O3 (HJ 633-2012 §5, seven indicators;
     * its note (3) falls back on it when O3 8h exceeds 800 µg/m³); HJ 633-2026 daily reports use O3 8h
     * only (REFERENCE.md §2.2).
     */
    DAILY;

    /** The table columns an AQI of this kind is the maximum of, in table order. */
    public List<AqiIndicator> indicators(AqiStandard standard) {
        if (this == HOURLY) {
            return List.of(AqiIndicator.SO2_1H, AqiIndicator.NO2_1H, AqiIndicator.PM10_24H, AqiIndicator.CO_1H,
                    AqiIndicator.O3_1H, AqiIndicator.PM25_24H);
        }
        if (standard == AqiStandard.HJ633_2012) {
            return List.of(AqiIndicator.SO2_24H, AqiIndicator.NO2_24H, AqiIndicator.PM10_24H, AqiIndicator.CO_24H,
                    AqiIndicator.O3_1H, AqiIndicator.O3_8H, AqiIndicator.PM25_24H);
        }
        return List.of(AqiIndicator.SO2_24H, AqiIndicator.NO2_24H, AqiIndicator.PM10_24H, AqiIndicator.CO_24H,
                AqiIndicator.O3_8H, AqiIndicator.PM25_24H);
    }

    /**
     * The column a pipeline parameter's value is scored on in this kind of report: in an hourly
     * report {@code so2} is the 1-hour mean, in a daily report the 24-hour mean; {@code o3} in a daily
     * report is the daily maximum 1-hour mean. Empty for parameters this report does not use.
     */
    public Optional<AqiIndicator> indicatorFor(Parameter p) {
        boolean hourly = this == HOURLY;
        return Optional.ofNullable(switch (p) {
            case SO2 -> hourly ? AqiIndicator.SO2_1H : AqiIndicator.SO2_24H;
            case NO2 -> hourly ? AqiIndicator.NO2_1H : AqiIndicator.NO2_24H;
            case CO -> hourly ? AqiIndicator.CO_1H : AqiIndicator.CO_24H;
            case O3 -> AqiIndicator.O3_1H;
            case O3_8H -> hourly ? null : AqiIndicator.O3_8H;
            case PM10 -> AqiIndicator.PM10_24H;
            case PM25 -> AqiIndicator.PM25_24H;
            default -> null;
        });
    }
}
