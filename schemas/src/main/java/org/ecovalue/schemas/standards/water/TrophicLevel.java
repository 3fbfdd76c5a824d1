package org.ecovalue.schemas.standards.water;

/** Trophic state grades of TLI(Σ) (REFERENCE.md §1.5). */
public enum TrophicLevel {
    /** TLI &lt; 30. */
    OLIGOTROPHIC("贫营养"),
    /** 30 ≤ TLI ≤ 50. */
    MESOTROPHIC("中营养"),
    /** 50 &lt; TLI ≤ 60. */
    LIGHTLY_EUTROPHIC("轻度富营养"),
    /** 60 &lt; TLI ≤ 70. */
    MODERATELY_EUTROPHIC("中度富营养"),
    /** TLI &gt; 70. */
    HYPEREUTROPHIC("重度富营养");

    private final String chineseName;

    TrophicLevel(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    public static TrophicLevel of(double tli) {
        if (tli < 30) {
            return OLIGOTROPHIC;
        }
        if (tli <= 50) {
            return MESOTROPHIC;
        }
        if (tli <= 60) {
            return LIGHTLY_EUTROPHIC;
        }
        if (tli <= 70) {
            return MODERATELY_EUTROPHIC;
        }
        return HYPEREUTROPHIC;
    }
}
