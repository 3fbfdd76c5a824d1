package org.ecovalue.schemas.standards.water;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gb3838Table1Test {

    @Test
    void theTableHoldsAll24BasicItemsWithTpTwiceForRiversAndLakes() {
        Set<WaterItem> items = Gb3838Table1.ROWS.stream().map(ClassLimits::item).collect(Collectors.toSet());
        assertThat(items).isEqualTo(EnumSet.allOf(WaterItem.class));
        assertThat(Gb3838Table1.ROWS).hasSize(25);
        assertThat(Gb3838Table1.ROWS).allSatisfy(r -> assertThat(r.source()).startsWith("GB 3838-2002 表1 序号"));
    }

    @ParameterizedTest(name = "{0} = {1} in a {2} is class {3}")
    @CsvSource(textBlock = """
            # shared limits go to the better class (从优): COD 15 is I and II, so 15 is I
            COD,             15,      RIVER, I
            COD,             15.01,   RIVER, III
            BOD5,            3,       RIVER, I
            CU,              0.01,    RIVER, I
            CU,              1.0,     RIVER, II
            ZN,              2.0,     RIVER, IV
            HG,              0.00005, RIVER, I
            HG,              0.0001,  RIVER, III
            CYANIDE,         0.2,     RIVER, III
            FLUORIDE,        1.5,     RIVER, IV
            CD,              0.005,   RIVER, II
            VOLATILE_PHENOL, 0.1,     RIVER, V
            PETROLEUM,       1.01,    RIVER, 劣V
            FECAL_COLIFORM,  10000,   RIVER, III
            # limits are inclusive
            NH3N,            0.5,     RIVER, II
            NH3N,            0.51,    RIVER, III
            NH3N,            2.0,     RIVER, V
            NH3N,            2.01,    RIVER, 劣V
            CODMN,           6,       RIVER, III
            # DO is a lower bound
            DO,              7.5,     RIVER, I
            DO,              7.49,    RIVER, II
            DO,              2,       RIVER, V
            DO,              1.99,    RIVER, 劣V
            # pH 6-9 for every class; outside is 劣V
            PH,              6,       RIVER, I
            PH,              9,       RIVER, I
            PH,              5.99,    RIVER, 劣V
            PH,              9.01,    LAKE,  劣V
            # TP has a river row and a lake/reservoir row
            TP,              0.05,    RIVER, II
            TP,              0.05,    LAKE,  III
            TP,              0.2,     RIVER, III
            TP,              0.2,     LAKE,  V
            TP,              0.21,    LAKE,  劣V
            TN,              1.0,     LAKE,  III
            """)
    void oneValueOfOneItemGetsTheBestClassWhoseLimitItMeets(WaterItem item, double value, WaterBody body, String label) {
        assertThat(SurfaceWaterStandard.classOf(item, value, body)).isEqualTo(WaterClass.ofLabel(label));
    }

    @Test
    void aMeanThatEqualsALimitUpToBinaryNoiseStillMeetsIt() {
        double mean = (0.1 + 0.2 + 0.3) / 3; // 0.20000000000000004 in binary
        assertThat(mean).isGreaterThan(0.2);
        assertThat(SurfaceWaterStandard.classOf(WaterItem.TP, mean, WaterBody.RIVER)).isEqualTo(WaterClass.III);
    }

    @Test
    void theClassIIILimitIsTheBaseOfExceedanceMultiples() {
        assertThat(Gb3838Table1.limits(WaterItem.TP, WaterBody.LAKE).limitOf(WaterClass.III)).hasValue(0.05);
        assertThat(Gb3838Table1.limits(WaterItem.TP, WaterBody.RIVER).limitOf(WaterClass.III)).hasValue(0.2);
        assertThat(Gb3838Table1.limits(WaterItem.PH, WaterBody.RIVER).limitOf(WaterClass.III)).isEmpty();
        assertThat(Gb3838Table1.limits(WaterItem.WATER_TEMP, WaterBody.RIVER).isGraded()).isFalse();
    }
}
