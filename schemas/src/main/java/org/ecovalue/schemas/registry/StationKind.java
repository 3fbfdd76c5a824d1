package org.ecovalue.schemas.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a station measures. A section's flow station must be {@link #FLOW}: flux needs m³, not mg/L. */
public enum StationKind {
    WATER("water"),
    FLOW("flow"),
    AIR("air"),
    SOIL("soil"),
    WEATHER("weather");

    private final String code;

    StationKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** Air, soil and weather stations feed grid-cell inventories, so they must sit in a grid cell. */
    public boolean needsGridCell() {
        return this == AIR || this == SOIL || this == WEATHER;
    }

    @JsonCreator
    public static StationKind ofCode(String code) {
        for (StationKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown station kind '" + code + "' ("
                + Arrays.stream(values()).map(StationKind::code).collect(Collectors.joining("|")) + ")");
    }
}
