package org.ecovalue.schemas.standards.soil;

import java.util.Locale;
import java.util.Optional;

/**
 * The land-use split of GB 15618-2018 Table 1: paddy fields (水田) and "other" farmland, with orchards
 * (果园) separate for Cu only. A paddy–dryland rotation (水旱轮作地) takes the stricter of the paddy and
 * the other value (Table 1, note 2).
 */
public enum LandUse {
    PADDY("paddy", "水田"),
    ORCHARD("orchard", "果园"),
    OTHER("other", "其他"),
    PADDY_DRYLAND_ROTATION("rotation", "水旱轮作");

    private final String code;
    private final String chineseName;

    LandUse(String code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    /** paddy, orchard, other, rotation: the values of the {@code land_use} column. */
    public String code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    /**
     * A code ({@code rotation}), an enum name, or the Chinese name (水田, 果园, 其他, 水旱轮作, with or
     * without 地). 旱地 and 菜地 are "other" land: Table 1 splits only paddy from the rest.
     */
    public static Optional<LandUse> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (LandUse u : values()) {
            if (t.equals(u.code) || t.equals(u.name().toLowerCase(Locale.ROOT))
                    || t.equals(u.chineseName) || t.equals(u.chineseName + "地")) {
                return Optional.of(u);
            }
        }
        return t.equals("旱地") || t.equals("菜地") ? Optional.of(OTHER) : Optional.empty();
    }
}
