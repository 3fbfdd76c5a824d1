package org.ecovalue.schemas.observation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The canonical parameter vocabulary of DESIGN.md, with each parameter's canonical unit and the range
 * of values that is physically possible at all (not a quality limit: a value outside it is absurd,
 * e.g. a negative concentration or a pH of 15).
 */
public enum Parameter {
    // water
    PH("ph", Domain.WATER, "", 0, 14),
    // An algal bloom supersaturates water far beyond air saturation (14.6 mg/L at 0 °C): CNEMC
    // published 25.51 mg/L at 港上桥 on 2026-08-15 17:00 (pH 9.32). 50 mg/L is ~3.5 × saturation.
    DO("do", Domain.WATER, "mg/L", 0, 50),
    CODMN("codmn", Domain.WATER, "mg/L", 0, 1_000),
    COD("cod", Domain.WATER, "mg/L", 0, 100_000),
    BOD5("bod5", Domain.WATER, "mg/L", 0, 100_000),
    NH3N("nh3n", Domain.WATER, "mg/L", 0, 10_000),
    TP("tp", Domain.WATER, "mg/L", 0, 1_000),
    TN("tn", Domain.WATER, "mg/L", 0, 10_000),
    TURBIDITY("turbidity", Domain.WATER, "NTU", 0, 100_000),
    CONDUCTIVITY("conductivity", Domain.WATER, "µS/cm", 0, 200_000),
    WATER_TEMP("water_temp", Domain.WATER, "°C", -5, 100),
    FLOW("flow", Domain.WATER, "m3/s", -1_000_000, 1_000_000),
    WATER_LEVEL("water_level", Domain.WATER, "m", -500, 10_000),
    // air and weather
    PM25("pm25", Domain.AIR, "µg/m3", 0, 20_000),
    PM10("pm10", Domain.AIR, "µg/m3", 0, 50_000),
    SO2("so2", Domain.AIR, "µg/m3", 0, 100_000),
    NO2("no2", Domain.AIR, "µg/m3", 0, 100_000),
    CO("co", Domain.AIR, "mg/m3", 0, 10_000),
    O3("o3", Domain.AIR, "µg/m3", 0, 100_000),
    O3_8H("o3_8h", Domain.AIR, "µg/m3", 0, 100_000),
    NEG_ION("neg_ion", Domain.AIR, "ions/cm3", 0, 10_000_000),
    AIR_TEMP("air_temp", Domain.AIR, "°C", -90, 65),
    HUMIDITY("humidity", Domain.AIR, "%", 0, 100),
    WIND_SPEED("wind_speed", Domain.AIR, "m/s", 0, 120),
    SOLAR_RADIATION("solar_radiation", Domain.AIR, "W/m2", 0, 1_500),
    PRECIPITATION("precipitation", Domain.AIR, "mm", 0, 2_000),
    PRESSURE("pressure", Domain.AIR, "hPa", 300, 1_100),
    // soil
    SOIL_MOISTURE("soil_moisture", Domain.SOIL, "%", 0, 100),
    SOIL_TEMP("soil_temp", Domain.SOIL, "°C", -60, 80),
    SOIL_PH("soil_ph", Domain.SOIL, "", 0, 14),
    SOIL_EC("soil_ec", Domain.SOIL, "µS/cm", 0, 200_000),
    CD("cd", Domain.SOIL, "mg/kg", 0, 1_000_000),
    HG("hg", Domain.SOIL, "mg/kg", 0, 1_000_000),
    AS("as", Domain.SOIL, "mg/kg", 0, 1_000_000),
    PB("pb", Domain.SOIL, "mg/kg", 0, 1_000_000),
    CR("cr", Domain.SOIL, "mg/kg", 0, 1_000_000),
    CU("cu", Domain.SOIL, "mg/kg", 0, 1_000_000),
    NI("ni", Domain.SOIL, "mg/kg", 0, 1_000_000),
    ZN("zn", Domain.SOIL, "mg/kg", 0, 1_000_000);

    private static final Map<String, Parameter> BY_CODE =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(Parameter::code, Function.identity()));

    private final String code;
    private final Domain domain;
    private final String canonicalUnit;
    private final double physicalMin;
    private final double physicalMax;

    Parameter(String code, Domain domain, String canonicalUnit, double physicalMin, double physicalMax) {
        this.code = code;
        this.domain = domain;
        this.canonicalUnit = canonicalUnit;
        this.physicalMin = physicalMin;
        this.physicalMax = physicalMax;
    }

    /** The lower-case code used on the wire (`nh3n`, `pm25` …). */
    public String code() {
        return code;
    }

    public Domain domain() {
        return domain;
    }

    /** The unit every reading of this parameter carries after ingest ("" for dimensionless pH). */
    public String canonicalUnit() {
        return canonicalUnit;
    }

    public boolean isPhysicallyPossible(double value) {
        return Double.isFinite(value) && value >= physicalMin && value <= physicalMax;
    }

    public double physicalMin() {
        return physicalMin;
    }

    public double physicalMax() {
        return physicalMax;
    }

    public static Optional<Parameter> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_CODE.get(code.trim().toLowerCase(Locale.ROOT)));
    }
}
