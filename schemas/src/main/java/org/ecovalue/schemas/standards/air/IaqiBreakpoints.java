package org.ecovalue.schemas.standards.air;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IAQI breakpoint tables of both versions of HJ 633, as data (REFERENCE.md §2.1). Entry i of a
 * column is the concentration at {@link #IAQI_LEVELS}[i]; SO2 1h and O3 8h stop at 800 µg/m³ and are
 * continued by each version's {@link BeyondTableRule}. Decimals, so that interpolation is exact.
 */
public final class IaqiBreakpoints {

    /** IAQI at the breakpoints, the first column of the table. */
    public static final List<Integer> IAQI_LEVELS = List.of(0, 50, 100, 150, 200, 300, 400, 500);

    /**
     * HJ 633-2012 表1 空气质量分指数及对应的污染物项目浓度限值
     * (https://www.mee.gov.cn/ywgz/fgbz/bz/bzwb/jcffbz/201203/W020120410332725219541.pdf).
     */
    public static final String SOURCE_2012 = "HJ 633-2012 表1";

    /**
     * HJ 633-2026 (https://www.mee.gov.cn/ywgz/fgbz/bz/bzwb/jcffbz/202602/t20260225_1144441.shtml):
     * only PM10 and PM2.5 at IAQI 100 differ from 2012 (150→120 and 75→60 µg/m³), REFERENCE.md §2.1.
     */
    public static final String SOURCE_2026 = "HJ 633-2026 空气质量分指数及对应的污染物项目浓度限值";

    private static final Map<AqiIndicator, List<BigDecimal>> TABLE_2012 = table(
            AqiIndicator.SO2_24H, "0 50 150 475 800 1600 2100 2620",
            AqiIndicator.SO2_1H, "0 150 500 650 800",
            AqiIndicator.NO2_24H, "0 40 80 180 280 565 750 940",
            AqiIndicator.NO2_1H, "0 100 200 700 1200 2340 3090 3840",
            AqiIndicator.PM10_24H, "0 50 150 250 350 420 500 600",
            AqiIndicator.CO_24H, "0 2 4 14 24 36 48 60",
            AqiIndicator.CO_1H, "0 5 10 35 60 90 120 150",
            AqiIndicator.O3_1H, "0 160 200 300 400 800 1000 1200",
            AqiIndicator.O3_8H, "0 100 160 215 265 800",
            AqiIndicator.PM25_24H, "0 35 75 115 150 250 350 500");

    private static final Map<AqiIndicator, List<BigDecimal>> TABLE_2026 = table(
            AqiIndicator.SO2_24H, "0 50 150 475 800 1600 2100 2620",
            AqiIndicator.SO2_1H, "0 150 500 650 800",
            AqiIndicator.NO2_24H, "0 40 80 180 280 565 750 940",
            AqiIndicator.NO2_1H, "0 100 200 700 1200 2340 3090 3840",
            AqiIndicator.PM10_24H, "0 50 120 250 350 420 500 600",
            AqiIndicator.CO_24H, "0 2 4 14 24 36 48 60",
            AqiIndicator.CO_1H, "0 5 10 35 60 90 120 150",
            AqiIndicator.O3_1H, "0 160 200 300 400 800 1000 1200",
            AqiIndicator.O3_8H, "0 100 160 215 265 800",
            AqiIndicator.PM25_24H, "0 35 60 115 150 250 350 500");

    private static final List<BeyondTableRule> BEYOND_2012 = List.of(
            BeyondTableRule.reportInstead(AqiIndicator.SO2_1H, AqiIndicator.SO2_24H,
                    "HJ 633-2012 表1 注(2): SO2 1小时平均浓度值高于800 μg/m³的，不再进行其空气质量分指数计算，"
                            + "按24小时平均浓度计算的分指数报告"),
            BeyondTableRule.reportInstead(AqiIndicator.O3_8H, AqiIndicator.O3_1H,
                    "HJ 633-2012 表1 注(3): O3 8小时平均浓度值高于800 μg/m³的，不再进行其空气质量分指数计算，"
                            + "按1小时平均浓度计算的分指数报告"));

    /** REFERENCE.md §2.2 [M]: as implemented from the official text by independent implementations. */
    private static final List<BeyondTableRule> BEYOND_2026 = List.of(
            BeyondTableRule.fixed(AqiIndicator.SO2_1H, 200, "HJ 633-2026: SO2 1小时平均浓度值高于800 μg/m³, IAQI 取 200"),
            BeyondTableRule.fixed(AqiIndicator.O3_8H, 300, "HJ 633-2026: O3 8小时平均浓度值高于800 μg/m³, IAQI 取 300"));

    private IaqiBreakpoints() {
    }

    /** The breakpoints of a column, entry i at {@link #IAQI_LEVELS}[i]. */
    public static List<BigDecimal> column(AqiStandard standard, AqiIndicator indicator) {
        return (standard == AqiStandard.HJ633_2012 ? TABLE_2012 : TABLE_2026).get(indicator);
    }

    /** The source of a version's table. */
    public static String source(AqiStandard standard) {
        return standard == AqiStandard.HJ633_2012 ? SOURCE_2012 : SOURCE_2026;
    }

    /** The version's rule for a concentration above a column that stops short of IAQI 500. */
    public static Optional<BeyondTableRule> beyondTable(AqiStandard standard, AqiIndicator indicator) {
        return (standard == AqiStandard.HJ633_2012 ? BEYOND_2012 : BEYOND_2026).stream()
                .filter(r -> r.indicator() == indicator)
                .findFirst();
    }

    private static Map<AqiIndicator, List<BigDecimal>> table(Object... columns) {
        Map<AqiIndicator, List<BigDecimal>> t = new EnumMap<>(AqiIndicator.class);
        for (int i = 0; i < columns.length; i += 2) {
            List<BigDecimal> bp = Arrays.stream(((String) columns[i + 1]).split(" ")).map(BigDecimal::new).toList();
            if (bp.size() > IAQI_LEVELS.size()) {
                throw new IllegalStateException(columns[i] + ": more breakpoints than IAQI levels");
            }
            t.put((AqiIndicator) columns[i], bp);
        }
        if (t.size() != AqiIndicator.values().length) {
            throw new IllegalStateException("every column of the table must be given");
        }
        return Map.copyOf(t);
    }
}
