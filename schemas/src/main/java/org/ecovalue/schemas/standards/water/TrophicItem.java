package org.ecovalue.schemas.standards.water;

/**
 * The items of the comprehensive trophic state index TLI(Σ) of lakes and reservoirs (综合营养状态指数,
 * 《地表水环境质量评价办法（试行）》, REFERENCE.md §1.5): per-item index TLI(j) = 10 (a + b ln C_j) and the
 * correlation r_ij of the item with chlorophyll a, which sets its weight.
 */
public enum TrophicItem {
    /** Chlorophyll a, mg/m³ (= µg/L; CNEMC publishes mg/L, multiply by 1000). */
    CHLA("chla", "mg/m3", 2.5, 1.086, 1.0),
    TP("tp", "mg/L", 9.436, 1.624, 0.84),
    TN("tn", "mg/L", 5.453, 1.694, 0.82),
    /** Secchi depth (透明度), m. */
    SD("sd", "m", 5.118, -1.94, -0.83),
    CODMN("codmn", "mg/L", 0.109, 2.661, 0.83);

    private final String code;
    private final String unit;
    private final double intercept;
    private final double slope;
    private final double correlationWithChla;

    TrophicItem(String code, String unit, double intercept, double slope, double correlationWithChla) {
        this.code = code;
        this.unit = unit;
        this.intercept = intercept;
        this.slope = slope;
        this.correlationWithChla = correlationWithChla;
    }

    public String code() {
        return code;
    }

    public String unit() {
        return unit;
    }

    /** r_ij, the correlation of this item with chlorophyll a used for the weights. */
    public double correlationWithChla() {
        return correlationWithChla;
    }

    /** TLI(j) = 10 (a + b ln C). */
    public double index(double concentration) {
        if (!(concentration > 0 && Double.isFinite(concentration))) {
            throw new IllegalArgumentException(code + ": TLI needs a positive concentration, got " + concentration);
        }
        return 10 * (intercept + slope * Math.log(concentration));
    }
}
