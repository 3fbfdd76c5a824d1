package org.ecovalue.schemas.standards.air;

import java.util.Locale;
import java.util.Optional;
import org.ecovalue.schemas.observation.Parameter;

/**
 * A column of the IAQI breakpoint table of HJ 633 (表1 空气质量分指数及对应的污染物项目浓度限值): a
 * pollutant and an averaging time. Units µg/m³, CO mg/m³. {@link #parameter()} is the pipeline
 * parameter a value of this column is reported as ({@code o3_8h} for the 8-hour ozone column).
 */
public enum AqiIndicator {
    SO2_24H("so2_24h", Parameter.SO2),
    SO2_1H("so2_1h", Parameter.SO2),
    NO2_24H("no2_24h", Parameter.NO2),
    NO2_1H("no2_1h", Parameter.NO2),
    PM10_24H("pm10_24h", Parameter.PM10),
    CO_24H("co_24h", Parameter.CO),
    CO_1H("co_1h", Parameter.CO),
    O3_1H("o3_1h", Parameter.O3),
    O3_8H("o3_8h", Parameter.O3_8H),
    PM25_24H("pm25_24h", Parameter.PM25);

    private final String code;
    private final Parameter parameter;

    AqiIndicator(String code, Parameter parameter) {
        this.code = code;
        this.parameter = parameter;
    }

    /** "so2_24h", "o3_8h" …: pollutant and averaging time. */
    public String code() {
        return code;
    }

    /** The pipeline parameter: so2, no2, pm10, co, o3, o3_8h, pm25. */
    public Parameter parameter() {
        return parameter;
    }

    public static Optional<AqiIndicator> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        for (AqiIndicator i : values()) {
            if (i.code.equals(c)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
