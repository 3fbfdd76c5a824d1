package org.ecovalue.schemas.standards.soil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgriculturalSoilStandardTest {

    @ParameterizedTest(name = "pH {0} is band {1}")
    @CsvSource({"4.0, AT_MOST_5_5", "5.5, AT_MOST_5_5", "5.51, ABOVE_5_5_TO_6_5", "6.5, ABOVE_5_5_TO_6_5",
            "7.5, ABOVE_6_5_TO_7_5", "7.51, ABOVE_7_5"})
    void phBandsIncludeTheirUpperBound(double ph, PhBand band) {
        assertThat(PhBand.of(ph)).isEqualTo(band);
    }

    @ParameterizedTest(name = "{0} on {1} at pH {2}: screening {3}")
    @CsvSource(textBlock = """
            CD, PADDY,                  6.0, 0.4
            CD, OTHER,                  6.0, 0.3
            CD, PADDY,                  8.0, 0.8
            HG, OTHER,                  7.0, 2.4
            AS, PADDY,                  7.0, 25
            PB, OTHER,                  5.0, 70
            CR, PADDY,                  8.0, 350
            CU, ORCHARD,                7.0, 200
            CU, PADDY,                  7.0, 100
            CU, OTHER,                  5.0, 50
            NI, PADDY,                  6.0, 70
            ZN, ORCHARD,                8.0, 300
            # rotation takes the stricter: As paddy 25 vs other 30; Hg paddy 0.6 vs other 2.4; Cd paddy 0.8 vs other 0.6
            AS, PADDY_DRYLAND_ROTATION, 7.0, 25
            HG, PADDY_DRYLAND_ROTATION, 7.0, 0.6
            CD, PADDY_DRYLAND_ROTATION, 8.0, 0.6
            PB, PADDY_DRYLAND_ROTATION, 6.0, 90
            """)
    void screeningValuesComeFromTable1(Parameter metal, LandUse use, double ph, double screening) {
        assertThat(Gb15618Tables.screening(metal, use, PhBand.of(ph))).isEqualTo(screening);
    }

    @Test
    void interventionValuesComeFromTable3AndCuNiZnHaveNone() {
        assertThat(Gb15618Tables.intervention(Parameter.CD, PhBand.of(6.0))).hasValue(2.0);
        assertThat(Gb15618Tables.intervention(Parameter.AS, PhBand.of(8.0))).hasValue(100);
        assertThat(Gb15618Tables.intervention(Parameter.CR, PhBand.of(5.0))).hasValue(800);
        assertThat(Gb15618Tables.intervention(Parameter.CU, PhBand.of(5.0))).isEmpty();
        assertThat(Gb15618Tables.intervention(Parameter.ZN, PhBand.of(5.0))).isEmpty();
    }

    @Test
    void cadmiumOf035AtPh6IsFineInAPaddyButNeedsSafeUseOnOtherLand() throws Exception {
        SoilAssessment paddy = AgriculturalSoilStandard.assess(6.0, LandUse.PADDY, Map.of(Parameter.CD, 0.35));
        assertThat(paddy.riskClass()).isEqualTo(SoilRiskClass.PRIORITY_PROTECTION);
        assertThat(paddy.limiting()).isEmpty();
        SoilAssessment other = AgriculturalSoilStandard.assess(6.0, LandUse.OTHER, Map.of(Parameter.CD, 0.35));
        assertThat(other.riskClass()).isEqualTo(SoilRiskClass.SAFE_UTILIZATION);
        // P = 0.35 / 0.3
        assertThat(other.factors().get(0).singleFactorIndex()).isCloseTo(1.1667, within(1e-4));
        assertThat(other.standard()).isEqualTo("GB15618-2018");
    }

    @Test
    void aboveTheInterventionValueIsStrictControl() throws Exception {
        // pH 6.0: Cd screening 0.3 (other), intervention 2.0; 2.5 > 2.0; 2.0 itself is still safe use
        assertThat(AgriculturalSoilStandard.assess(6.0, LandUse.OTHER, Map.of(Parameter.CD, 2.5)).riskClass())
                .isEqualTo(SoilRiskClass.STRICT_CONTROL);
        assertThat(AgriculturalSoilStandard.assess(6.0, LandUse.OTHER, Map.of(Parameter.CD, 2.0)).riskClass())
                .isEqualTo(SoilRiskClass.SAFE_UTILIZATION);
        assertThat(AgriculturalSoilStandard.assess(6.0, LandUse.OTHER, Map.of(Parameter.CD, 0.3)).riskClass())
                .isEqualTo(SoilRiskClass.PRIORITY_PROTECTION);
    }

    @Test
    void copperWithoutAnInterventionValueIsAtWorstSafeUse() throws Exception {
        // orchard pH 7.0: screening 200; 5000 mg/kg is far above, but Table 3 has no Cu value
        SoilAssessment a = AgriculturalSoilStandard.assess(7.0, LandUse.ORCHARD, Map.of(Parameter.CU, 5000.0));
        assertThat(a.riskClass()).isEqualTo(SoilRiskClass.SAFE_UTILIZATION);
        assertThat(AgriculturalSoilStandard.assess(7.0, LandUse.ORCHARD, Map.of(Parameter.CU, 180.0)).riskClass())
                .isEqualTo(SoilRiskClass.PRIORITY_PROTECTION);
    }

    @Test
    void aSampleTakesItsWorstMetal() throws Exception {
        // pH 8.0, other land: Cd 0.5 ≤ 0.6 → priority; Pb 200 > 170, ≤ 1000 → safe use; As 120 > 100 → strict
        SoilAssessment a = AgriculturalSoilStandard.assess(8.0, LandUse.OTHER,
                Map.of(Parameter.CD, 0.5, Parameter.PB, 200.0, Parameter.AS, 120.0));
        assertThat(a.riskClass()).isEqualTo(SoilRiskClass.STRICT_CONTROL);
        assertThat(a.limiting()).containsExactly(Parameter.AS);
        assertThat(a.phBand()).isEqualTo(PhBand.ABOVE_7_5);
    }

    @Test
    void limitingMetalsOfTheSameClassAreOrderedBySingleFactorIndex() throws Exception {
        // pH 8.0, other: Pb 200/170 = 1.18, Cr 300/250 = 1.20 → both safe use, Cr first
        SoilAssessment a = AgriculturalSoilStandard.assess(8.0, LandUse.OTHER,
                Map.of(Parameter.PB, 200.0, Parameter.CR, 300.0));
        assertThat(a.limiting()).containsExactly(Parameter.CR, Parameter.PB);
    }

    @Test
    void impossibleInputsAreRejected() {
        assertThatThrownBy(() -> AgriculturalSoilStandard.assess(15, LandUse.OTHER, Map.of(Parameter.CD, 0.1)))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.ABSURD_VALUE));
        assertThatThrownBy(() -> AgriculturalSoilStandard.assess(6, LandUse.OTHER, Map.of(Parameter.CD, -0.1)))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.ABSURD_VALUE));
        assertThatThrownBy(() -> AgriculturalSoilStandard.assess(6, LandUse.OTHER, Map.of(Parameter.SOIL_MOISTURE, 20.0)))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.NO_READINGS));
    }
}
