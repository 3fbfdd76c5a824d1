package org.ecovalue.schemas.standards.soil;

/**
 * The three risk classes of agricultural land (REFERENCE.md §3.3), ordered from best to worst:
 * at or below the screening value, between screening and intervention values, above the intervention
 * value.
 */
public enum SoilRiskClass {
    /** C ≤ screening value: risk negligible. */
    PRIORITY_PROTECTION("priority-protection", "优先保护类"),
    /** Screening value &lt; C ≤ intervention value (or no intervention value): risk possible. */
    SAFE_UTILIZATION("safe-utilization", "安全利用类"),
    /** C &gt; intervention value: risk high. */
    STRICT_CONTROL("strict-control", "严格管控类");

    private final String code;
    private final String chineseName;

    SoilRiskClass(String code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    public String code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    public boolean isWorseThan(SoilRiskClass other) {
        return compareTo(other) > 0;
    }
}
