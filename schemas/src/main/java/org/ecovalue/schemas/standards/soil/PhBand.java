package org.ecovalue.schemas.standards.soil;

/** The four soil pH bands of GB 15618-2018 Tables 1 and 3 (REFERENCE.md §3). */
public enum PhBand {
    /** pH ≤ 5.5. */
    AT_MOST_5_5("pH≤5.5"),
    /** 5.5 &lt; pH ≤ 6.5. */
    ABOVE_5_5_TO_6_5("5.5<pH≤6.5"),
    /** 6.5 &lt; pH ≤ 7.5. */
    ABOVE_6_5_TO_7_5("6.5<pH≤7.5"),
    /** pH &gt; 7.5. */
    ABOVE_7_5("pH>7.5");

    private final String label;

    PhBand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static PhBand of(double ph) {
        if (!(ph >= 0 && ph <= 14)) {
            throw new IllegalArgumentException("soil pH must lie in 0–14, got " + ph);
        }
        if (ph <= 5.5) {
            return AT_MOST_5_5;
        }
        if (ph <= 6.5) {
            return ABOVE_5_5_TO_6_5;
        }
        if (ph <= 7.5) {
            return ABOVE_6_5_TO_7_5;
        }
        return ABOVE_7_5;
    }
}
