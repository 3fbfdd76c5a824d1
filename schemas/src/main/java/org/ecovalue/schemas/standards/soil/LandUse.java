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

    /** A code, an enum name or the Chinese name (水旱轮作地 too). */
    public static Optional<LandUse> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        for (LandUse u : values()) {
            if (u.code.equalsIgnoreCase(t) || u.name().equalsIgnoreCase(t.replace('-', '_'))
                    || u.chineseName.equals(t) || (u.chineseName + "地").equals(t)) {
                return Optional.of(u);
            }
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "paddy_dryland_rotation", "paddy-dryland-rotation", "水旱轮作田" -> Optional.of(PADDY_DRYLAND_ROTATION);
            case "旱地", "菜地", "dryland" -> Optional.of(OTHER);
            default -> Optional.empty();
        };
    }
}
