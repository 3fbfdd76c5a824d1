package org.ecovalue.schemas.standards.water;

import static org.ecovalue.schemas.standards.water.ClassLimits.Bound.LOWER;
import static org.ecovalue.schemas.standards.water.ClassLimits.Bound.NOT_GRADED;
import static org.ecovalue.schemas.standards.water.ClassLimits.Bound.RANGE;
import static org.ecovalue.schemas.standards.water.ClassLimits.Bound.UPPER;

import java.util.List;
import org.ecovalue.schemas.observation.Parameter;

/**
 * GB 3838-2002《地表水环境质量标准》表1 地表水环境质量标准基本项目标准限值 — all 24 items, classes
 * I–V, as data. Units: mg/L; pH dimensionless; fecal coliform 个/L. Transcribed from the official
 * text (https://www.mee.gov.cn/ywgz/fgbz/bz/bzwb/shjbh/shjzlbz/200206/t20020601_66497.shtml) as
 * tabulated in REFERENCE.md §1.1.
 */
public final class Gb3838Table1 {

    public static final String SOURCE = "GB 3838-2002 表1";

    /** Table 1 in its own order; TP has a river row and a lake/reservoir row (湖、库). */
    public static final List<ClassLimits> ROWS = List.of(
            // 序号1: "人为造成的环境水温变化应限制在：周平均最大温升≤1，周平均最大温降≤2" — no class limits.
            row(WaterItem.WATER_TEMP, NOT_GRADED, null),
            row(WaterItem.PH, RANGE, null),
            // 序号3, class I: "饱和率90%（或7.5）"; automatic stations report mg/L, so 7.5 mg/L is used.
            row(WaterItem.DO, LOWER, null, 7.5, 6, 5, 3, 2),
            row(WaterItem.CODMN, UPPER, null, 2, 4, 6, 10, 15),
            row(WaterItem.COD, UPPER, null, 15, 15, 20, 30, 40),
            row(WaterItem.BOD5, UPPER, null, 3, 3, 4, 6, 10),
            row(WaterItem.NH3N, UPPER, null, 0.15, 0.5, 1.0, 1.5, 2.0),
            row(WaterItem.TP, UPPER, WaterBody.RIVER, 0.02, 0.1, 0.2, 0.3, 0.4),
            row(WaterItem.TP, UPPER, WaterBody.LAKE, 0.01, 0.025, 0.05, 0.1, 0.2),
            row(WaterItem.TN, UPPER, null, 0.2, 0.5, 1.0, 1.5, 2.0),
            row(WaterItem.CU, UPPER, null, 0.01, 1.0, 1.0, 1.0, 1.0),
            row(WaterItem.ZN, UPPER, null, 0.05, 1.0, 1.0, 2.0, 2.0),
            row(WaterItem.FLUORIDE, UPPER, null, 1.0, 1.0, 1.0, 1.5, 1.5),
            row(WaterItem.SE, UPPER, null, 0.01, 0.01, 0.01, 0.02, 0.02),
            row(WaterItem.AS, UPPER, null, 0.05, 0.05, 0.05, 0.1, 0.1),
            row(WaterItem.HG, UPPER, null, 0.00005, 0.00005, 0.0001, 0.001, 0.001),
            row(WaterItem.CD, UPPER, null, 0.001, 0.005, 0.005, 0.005, 0.01),
            row(WaterItem.CR6, UPPER, null, 0.01, 0.05, 0.05, 0.05, 0.1),
            row(WaterItem.PB, UPPER, null, 0.01, 0.01, 0.05, 0.05, 0.1),
            row(WaterItem.CYANIDE, UPPER, null, 0.005, 0.05, 0.2, 0.2, 0.2),
            row(WaterItem.VOLATILE_PHENOL, UPPER, null, 0.002, 0.002, 0.005, 0.01, 0.1),
            row(WaterItem.PETROLEUM, UPPER, null, 0.05, 0.05, 0.05, 0.5, 1.0),
            row(WaterItem.LAS, UPPER, null, 0.2, 0.2, 0.2, 0.3, 0.3),
            row(WaterItem.SULFIDE, UPPER, null, 0.05, 0.1, 0.2, 0.5, 1.0),
            row(WaterItem.FECAL_COLIFORM, UPPER, null, 200, 2000, 10000, 20000, 40000));

    private Gb3838Table1() {
    }

    /** The row that applies to an item in a water body (TP differs for lakes and reservoirs). */
    public static ClassLimits limits(WaterItem item, WaterBody body) {
        ClassLimits common = null;
        for (ClassLimits row : ROWS) {
            if (row.item() == item) {
                if (row.waterBody() == body) {
                    return row;
                }
                if (row.waterBody() == null) {
                    common = row;
                }
            }
        }
        if (common == null) {
            throw new IllegalStateException("GB 3838-2002 Table 1 has no row for " + item + " in " + body);
        }
        return common;
    }

    /** The class of one value of one item (limits inclusive, shared limits to the better class). */
    public static WaterClass classOf(WaterItem item, double value, WaterBody body) {
        return limits(item, body).classOf(value);
    }

    static WaterClass classOf(Parameter p, double value, WaterBody body) {
        WaterItem item = WaterItem.of(p).orElseThrow(
                () -> new IllegalArgumentException(p.code() + " is not an item of GB 3838-2002 Table 1"));
        return classOf(item, value, body);
    }

    private static ClassLimits row(WaterItem item, ClassLimits.Bound bound, WaterBody body, double... limits) {
        List<Double> boxed = java.util.Arrays.stream(limits).boxed().toList();
        return new ClassLimits(item, bound, body, boxed, SOURCE + " 序号" + item.serial());
    }
}
