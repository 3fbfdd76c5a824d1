package org.ecovalue.schemas.standards.water;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which items decide a class. Both rules use the single-factor method (worst item) on
 * GB 3838-2002 Table 1; they differ in the items.
 */
public enum WaterRule {
    /**
     * The class CNEMC publishes for one reading of an automatic station (REFERENCE.md §1.4, checked
     * on 21,269 published readings): pH, DO, CODMn, NH3-N and TP only; TN, conductivity, turbidity
     * and chlorophyll do not count.
     */
    REALTIME(List.of(WaterItem.PH, WaterItem.DO, WaterItem.CODMN, WaterItem.NH3N, WaterItem.TP), List.of()),

    /**
     * The class of a section for a week, month, quarter or year (《地表水环境质量评价办法（试行）》,
     * 环办〔2011〕22号; 环办监测函〔2020〕82号): the 21 items of Table 1 without water temperature, TN and
     * fecal coliform. Those three are reference items, reported apart; TN is graded only for lakes and
     * reservoirs (REFERENCE.md §1.3).
     */
    PERIOD(evaluatedForPeriod(), List.of(WaterItem.WATER_TEMP, WaterItem.TN, WaterItem.FECAL_COLIFORM));

    private final List<WaterItem> evaluated;
    private final List<WaterItem> reference;

    WaterRule(List<WaterItem> evaluated, List<WaterItem> reference) {
        this.evaluated = List.copyOf(evaluated);
        this.reference = List.copyOf(reference);
    }

    /** The items whose worst class is the class, in Table 1 order. */
    public List<WaterItem> evaluated() {
        return evaluated;
    }

    /** Items reported beside the class without deciding it. */
    public List<WaterItem> reference() {
        return reference;
    }

    private static List<WaterItem> evaluatedForPeriod() {
        Set<WaterItem> items = EnumSet.allOf(WaterItem.class);
        items.removeAll(List.of(WaterItem.WATER_TEMP, WaterItem.TN, WaterItem.FECAL_COLIFORM));
        return List.copyOf(items);
    }
}
