package org.ecovalue.schemas.standards.water;

/**
 * Surface-water class of GB 3838-2002, with the qualitative grade of 《地表水环境质量评价办法（试行）》
 * (I–II 优, III 良好, IV 轻度污染, V 中度污染, 劣V 重度污染). Ordered from best to worst.
 */
public enum WaterClass {
    I("I", 1, "优"),
    II("II", 2, "优"),
    III("III", 3, "良好"),
    IV("IV", 4, "轻度污染"),
    V("V", 5, "中度污染"),
    /** 劣V类: worse than class V. */
    WORSE_THAN_V("劣V", 6, "重度污染");

    private final String label;
    private final int number;
    private final String grade;

    WaterClass(String label, int number, String grade) {
        this.label = label;
        this.number = number;
        this.grade = grade;
    }

    /** "I" … "V", "劣V". */
    public String label() {
        return label;
    }

    /** 1 … 6 as CNEMC publishes it (6 = 劣V). */
    public int number() {
        return number;
    }

    /** Qualitative grade (优, 良好, 轻度污染, 中度污染, 重度污染). */
    public String grade() {
        return grade;
    }

    public boolean isWorseThan(WaterClass other) {
        return compareTo(other) > 0;
    }

    public static WaterClass worst(WaterClass a, WaterClass b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static WaterClass ofNumber(int n) {
        for (WaterClass c : values()) {
            if (c.number == n) {
                return c;
            }
        }
        throw new IllegalArgumentException("no water class number " + n);
    }

    public static WaterClass ofLabel(String label) {
        for (WaterClass c : values()) {
            if (c.label.equalsIgnoreCase(label.trim()) || c.name().equalsIgnoreCase(label.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("no water class '" + label + "'");
    }
}
