package org.ecovalue.schemas.standards.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.Map;
import org.ecovalue.schemas.observation.Parameter;
import org.junit.jupiter.api.Test;

class SurfaceWaterStandardTest {

    @Test
    void aClassIvNh3nReadingMakesTheSectionClassIv() {
        // pH 7.2 → I, DO 6.5 → II, CODMn 3.0 → II, NH3-N 1.2 → IV (1.0 < 1.2 ≤ 1.5), TP 0.1 → II (river)
        WaterAssessment a = SurfaceWaterStandard.realtime(Map.of(Parameter.PH, 7.2, Parameter.DO, 6.5,
                Parameter.CODMN, 3.0, Parameter.NH3N, 1.2, Parameter.TP, 0.1), WaterBody.RIVER).orElseThrow();
        assertThat(a.waterClass()).isEqualTo(WaterClass.IV);
        assertThat(a.waterClass().grade()).isEqualTo("轻度污染");
        assertThat(a.limiting()).containsExactly(Parameter.NH3N);
        assertThat(a.standard()).isEqualTo("GB3838-2002");
    }

    @Test
    void everyFactorAtTheWorstClassIsLimiting() {
        // CODMn 8 → IV (6 < 8 ≤ 10), NH3-N 1.2 → IV
        WaterAssessment a = SurfaceWaterStandard.realtime(
                Map.of(Parameter.CODMN, 8.0, Parameter.NH3N, 1.2, Parameter.DO, 6.5), WaterBody.RIVER).orElseThrow();
        assertThat(a.limiting()).containsExactly(Parameter.CODMN, Parameter.NH3N);
    }

    @Test
    void theRealtimeClassIgnoresTnConductivityAndTurbidityAndUsesLakeTpAtLakes() {
        Map<Parameter, Double> r = Map.of(Parameter.TP, 0.08, Parameter.TN, 5.0, Parameter.CONDUCTIVITY, 900.0,
                Parameter.TURBIDITY, 300.0);
        // TP 0.08: river II (0.02 < 0.08 ≤ 0.1), lake IV (0.05 < 0.08 ≤ 0.1); TN 5 would be 劣V
        assertThat(SurfaceWaterStandard.realtime(r, WaterBody.RIVER).orElseThrow().waterClass()).isEqualTo(WaterClass.II);
        assertThat(SurfaceWaterStandard.realtime(r, WaterBody.LAKE).orElseThrow().waterClass()).isEqualTo(WaterClass.IV);
    }

    @Test
    void aReadingWithoutAnyOfTheFiveFactorsHasNoClass() {
        assertThat(SurfaceWaterStandard.realtime(Map.of(Parameter.TN, 1.0), WaterBody.LAKE)).isEmpty();
    }

    @Test
    void thePeriodClassUsesThe21ItemsButNotTnForRiversOrTemperatureOrFecalColiform() {
        assertThat(WaterRule.PERIOD.evaluated()).hasSize(21)
                .doesNotContain(WaterItem.WATER_TEMP, WaterItem.TN, WaterItem.FECAL_COLIFORM);
        Map<WaterItem, Double> means = new EnumMap<>(WaterItem.class);
        means.put(WaterItem.PH, 7.5);
        means.put(WaterItem.DO, 8.0);      // I
        means.put(WaterItem.COD, 18.0);    // III (15 < 18 ≤ 20)
        means.put(WaterItem.HG, 0.00004);  // I
        means.put(WaterItem.TN, 3.0);      // 劣V, but a reference item
        means.put(WaterItem.FECAL_COLIFORM, 30000.0); // V, reference item
        means.put(WaterItem.WATER_TEMP, 25.0);

        WaterEvaluation river = SurfaceWaterStandard.period(means, WaterBody.RIVER).orElseThrow();
        assertThat(river.waterClass()).isEqualTo(WaterClass.III);
        assertThat(river.limiting()).containsExactly(WaterItem.COD);
        assertThat(river.referenceClasses()).containsOnly(Map.entry(WaterItem.FECAL_COLIFORM, WaterClass.V));

        WaterEvaluation lake = SurfaceWaterStandard.period(means, WaterBody.LAKE).orElseThrow();
        assertThat(lake.waterClass()).isEqualTo(WaterClass.III);
        assertThat(lake.referenceClasses()).containsEntry(WaterItem.TN, WaterClass.WORSE_THAN_V)
                .containsEntry(WaterItem.FECAL_COLIFORM, WaterClass.V).doesNotContainKey(WaterItem.WATER_TEMP);
    }

    @Test
    void mainPollutantsAreTheTopThreeByExceedanceMultipleWithoutDoOrPh() {
        Map<WaterItem, Double> means = new EnumMap<>(WaterItem.class);
        means.put(WaterItem.DO, 1.5);     // 劣V, but DO has no exceedance multiple
        means.put(WaterItem.PH, 9.5);     // 劣V, likewise
        means.put(WaterItem.NH3N, 3.0);   // 劣V, (3.0 − 1.0)/1.0 = 2.0
        means.put(WaterItem.TP, 0.5);     // 劣V (river), (0.5 − 0.2)/0.2 = 1.5
        means.put(WaterItem.COD, 30.0);   // IV, (30 − 20)/20 = 0.5
        means.put(WaterItem.CODMN, 7.0);  // IV, (7 − 6)/6 = 0.1667 — fourth, left out
        means.put(WaterItem.BOD5, 4.0);   // III, not a main pollutant
        WaterEvaluation e = SurfaceWaterStandard.period(means, WaterBody.RIVER).orElseThrow();
        assertThat(e.waterClass()).isEqualTo(WaterClass.WORSE_THAN_V);
        assertThat(e.mainPollutants()).extracting(MainPollutant::item)
                .containsExactly(WaterItem.NH3N, WaterItem.TP, WaterItem.COD);
        assertThat(e.mainPollutants()).extracting(MainPollutant::exceedanceMultiple)
                .containsExactly(2.0, 1.5, 0.5);
    }

    @Test
    void aLakeTpExceedanceIsMeasuredAgainstTheLakeClassIiiLimit() {
        // lake TP 0.12 → V (0.1 < 0.12 ≤ 0.2); (0.12 − 0.05)/0.05 = 1.4
        WaterEvaluation e = SurfaceWaterStandard.period(Map.of(WaterItem.TP, 0.12), WaterBody.LAKE).orElseThrow();
        assertThat(e.mainPollutants()).singleElement().satisfies(m -> {
            assertThat(m.item()).isEqualTo(WaterItem.TP);
            assertThat(m.exceedanceMultiple()).isCloseTo(1.4, within(1e-12));
        });
    }

    @Test
    void aSectionNoWorseThanClassIiiHasNoMainPollutants() {
        WaterEvaluation e = SurfaceWaterStandard.period(Map.of(WaterItem.NH3N, 1.0, WaterItem.COD, 20.0),
                WaterBody.RIVER).orElseThrow();
        assertThat(e.waterClass()).isEqualTo(WaterClass.III);
        assertThat(e.mainPollutants()).isEmpty();
    }

    @Test
    void aSectionMadeWorseThanIiiOnlyByDoHasNoMainPollutant() {
        WaterEvaluation e = SurfaceWaterStandard.period(Map.of(WaterItem.DO, 2.5, WaterItem.NH3N, 0.3),
                WaterBody.RIVER).orElseThrow();
        assertThat(e.waterClass()).isEqualTo(WaterClass.V);
        assertThat(e.mainPollutants()).isEmpty();
    }

    @Test
    void aResultBelowTheDetectionLimitCountsAsHalfTheLimit() {
        assertThat(BelowDetectionLimit.parse("0.01L")).hasValueSatisfying(b ->
                assertThat(b.valueForStatistics()).isEqualTo(0.005));
        assertThat(BelowDetectionLimit.parse("<0.05")).hasValueSatisfying(b ->
                assertThat(b.valueForStatistics()).isEqualTo(0.025));
        assertThat(BelowDetectionLimit.parse("0.01")).isEmpty();
        assertThat(BelowDetectionLimit.parse("ND")).isEmpty();
        // Cd not detected at 0.001: counts as 0.0005 → class I (≤ 0.001)
        double cd = BelowDetectionLimit.parse("0.001L").orElseThrow().valueForStatistics();
        assertThat(SurfaceWaterStandard.classOf(WaterItem.CD, cd, WaterBody.RIVER)).isEqualTo(WaterClass.I);
    }
}
