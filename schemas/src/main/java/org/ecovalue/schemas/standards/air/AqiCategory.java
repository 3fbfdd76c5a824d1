package org.ecovalue.schemas.standards.air;

/**
 * AQI levels, categories and colours (HJ 633 表2 空气质量指数及相关信息; REFERENCE.md §2.3). The same
 * in both versions.
 */
public enum AqiCategory {
    EXCELLENT(0, 50, "一级", "优", "green", 0, 228, 0),
    GOOD(51, 100, "二级", "良", "yellow", 255, 255, 0),
    LIGHTLY_POLLUTED(101, 150, "三级", "轻度污染", "orange", 255, 126, 0),
    MODERATELY_POLLUTED(151, 200, "四级", "中度污染", "red", 255, 0, 0),
    HEAVILY_POLLUTED(201, 300, "五级", "重度污染", "purple", 153, 0, 76),
    SEVERELY_POLLUTED(301, Integer.MAX_VALUE, "六级", "严重污染", "maroon", 126, 0, 35);

    private final int minAqi;
    private final int maxAqi;
    private final String level;
    private final String chineseName;
    private final String colour;
    private final int red;
    private final int green;
    private final int blue;

    AqiCategory(int minAqi, int maxAqi, String level, String chineseName, String colour, int red, int green, int blue) {
        this.minAqi = minAqi;
        this.maxAqi = maxAqi;
        this.level = level;
        this.chineseName = chineseName;
        this.colour = colour;
        this.red = red;
        this.green = green;
        this.blue = blue;
    }

    /** 一级 … 六级. */
    public String level() {
        return level;
    }

    /** 1 … 6. */
    public int levelNumber() {
        return ordinal() + 1;
    }

    /** 优, 良, 轻度污染, 中度污染, 重度污染, 严重污染. */
    public String chineseName() {
        return chineseName;
    }

    public String colour() {
        return colour;
    }

    /** "#RRGGBB". */
    public String rgbHex() {
        return String.format("#%02X%02X%02X", red, green, blue);
    }

    public static AqiCategory of(int aqi) {
        if (aqi < 0) {
            throw new IllegalArgumentException("AQI cannot be negative: " + aqi);
        }
        for (AqiCategory c : values()) {
            if (aqi >= c.minAqi && aqi <= c.maxAqi) {
                return c;
            }
        }
        throw new IllegalStateException("unreachable: " + aqi);
    }
}
