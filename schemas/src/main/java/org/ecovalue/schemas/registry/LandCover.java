package org.ecovalue.schemas.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Dominant ecosystem of a grid cell. The classes are the ecosystem types that GEP accounting
 * distinguishes (runoff coefficients and crop coefficients per type, REFERENCE.md §5.2).
 */
public enum LandCover {
    FOREST("forest"),
    SHRUBLAND("shrubland"),
    GRASSLAND("grassland"),
    WETLAND("wetland"),
    WATER("water"),
    CROPLAND("cropland"),
    URBAN("urban"),
    BARE("bare");

    private final String code;

    LandCover(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static LandCover ofCode(String code) {
        for (LandCover c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown land cover '" + code + "' ("
                + Arrays.stream(values()).map(LandCover::code).collect(Collectors.joining("|")) + ")");
    }
}
