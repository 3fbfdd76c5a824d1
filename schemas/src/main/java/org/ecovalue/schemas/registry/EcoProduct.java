package org.ecovalue.schemas.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The ecological products an inventory record ({@code product}) or a price-table item is about.
 * The first five are the ones DESIGN.md requires; the others are the GEP regulating services of
 * 发改基础〔2022〕481号 that the sensor streams can feed (REFERENCE.md §5.1–5.2).
 */
public enum EcoProduct {
    WATER_RESOURCE("water_resource"),
    WATER_QUALITY("water_quality"),
    CLEAN_AIR("clean_air"),
    SOIL("soil"),
    WATER_CONSERVATION("water_conservation"),
    FLOOD_REGULATION("flood_regulation"),
    WATER_PURIFICATION("water_purification"),
    AIR_PURIFICATION("air_purification"),
    CARBON_SEQUESTRATION("carbon_sequestration"),
    OXYGEN_RELEASE("oxygen_release"),
    CLIMATE_REGULATION("climate_regulation"),
    SOIL_RETENTION("soil_retention");

    private final String code;

    EcoProduct(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static EcoProduct ofCode(String code) {
        for (EcoProduct p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown product '" + code + "' ("
                + Arrays.stream(values()).map(EcoProduct::code).collect(Collectors.joining("|")) + ")");
    }
}
