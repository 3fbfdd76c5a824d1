package org.ecovalue.schemas.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an inventory is kept for (DESIGN.md {@code unitKind}): a grid cell, an administrative unit of
 * GB/T 2260 (county, city, province) or a whole basin. Ordered from smallest to largest.
 */
public enum UnitKind {
    GRID("grid"),
    COUNTY("county"),
    CITY("city"),
    PROVINCE("province"),
    BASIN("basin");

    private final String code;

    UnitKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** County, city and province: the kinds an {@link AdministrativeUnit} may have. */
    public boolean isAdministrative() {
        return this == COUNTY || this == CITY || this == PROVINCE;
    }

    @JsonCreator
    public static UnitKind ofCode(String code) {
        for (UnitKind k : values()) {
            if (k.code.equals(code == null ? null : code.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown unit kind '" + code + "' ("
                + Arrays.stream(values()).map(UnitKind::code).collect(Collectors.joining("|")) + ")");
    }
}
