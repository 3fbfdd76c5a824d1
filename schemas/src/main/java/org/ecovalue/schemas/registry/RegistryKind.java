package org.ecovalue.schemas.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The kinds of registry item: the {@code {kind}} of an {@code eco.registry} key and the name of the
 * list that holds them in a registry YAML file. Declared in dependency order (a kind refers only to
 * kinds above it, except stations and sections, which refer to each other).
 */
public enum RegistryKind {
    BASIN("basin", "basins", Basin.class),
    UNIT("unit", "units", AdministrativeUnit.class),
    GRID_CELL("grid-cell", "gridCells", GridCell.class),
    STATION("station", "stations", Station.class),
    SECTION("section", "sections", Section.class),
    PRICE_TABLE("price-table", "priceTables", PriceTable.class),
    AGREEMENT("agreement", "agreements", Agreement.class);

    private final String code;
    private final String yamlList;
    private final Class<? extends RegistryItem> type;

    RegistryKind(String code, String yamlList, Class<? extends RegistryItem> type) {
        this.code = code;
        this.yamlList = yamlList;
        this.type = type;
    }

    /** As in keys: {@code station}, {@code grid-cell}, {@code price-table} … */
    @JsonValue
    public String code() {
        return code;
    }

    /** The top-level list of a registry YAML file that holds items of this kind. */
    public String yamlList() {
        return yamlList;
    }

    public Class<? extends RegistryItem> type() {
        return type;
    }

    /** The key of an item of this kind on {@code eco.registry}. */
    public String key(String id) {
        return code + "/" + id;
    }

    @JsonCreator
    public static RegistryKind ofCode(String code) {
        for (RegistryKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown registry kind '" + code + "' ("
                + Arrays.stream(values()).map(RegistryKind::code).collect(Collectors.joining("|")) + ")");
    }

    /** The kind of a list name in a registry YAML file, or null. */
    public static RegistryKind ofYamlList(String name) {
        for (RegistryKind k : values()) {
            if (k.yamlList.equals(name)) {
                return k;
            }
        }
        return null;
    }
}
