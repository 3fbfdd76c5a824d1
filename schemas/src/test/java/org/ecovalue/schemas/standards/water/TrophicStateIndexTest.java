package org.ecovalue.schemas.standards.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TrophicStateIndexTest {

    @Test
    void theFiveItemWeightsAreThoseOfTheMethod() {
        // r² / Σr², Σr² = 1 + 0.7056 + 0.6724 + 0.6889 + 0.6889 = 3.7558
        TrophicState s = TrophicStateIndex.of(Map.of(TrophicItem.CHLA, 10.0, TrophicItem.TP, 0.05,
                TrophicItem.TN, 1.0, TrophicItem.SD, 1.0, TrophicItem.CODMN, 4.0));
        assertThat(s.weights().get(TrophicItem.CHLA)).isCloseTo(0.2663, within(5e-5));
        assertThat(s.weights().get(TrophicItem.TP)).isCloseTo(0.1879, within(5e-5));
        assertThat(s.weights().get(TrophicItem.TN)).isCloseTo(0.1790, within(5e-5));
        assertThat(s.weights().get(TrophicItem.SD)).isCloseTo(0.1834, within(5e-5));
        assertThat(s.weights().get(TrophicItem.CODMN)).isCloseTo(0.1834, within(5e-5));
    }

    @Test
    void aMesotrophicLakeByHand() {
        // TLI(chla 10) = 10(2.5 + 1.086 ln 10) = 50.006; TLI(TP 0.05) = 10(9.436 + 1.624 ln 0.05) = 45.709;
        // TLI(TN 1) = 54.53; TLI(SD 1) = 51.18; TLI(CODMn 4) = 10(0.109 + 2.661 ln 4) = 37.979
        // Σ W·TLI = 0.26625·50.006 + 0.18787·45.709 + 0.17903·54.53 + 0.18342·51.18 + 0.18342·37.979 = 48.018
        TrophicState s = TrophicStateIndex.of(Map.of(TrophicItem.CHLA, 10.0, TrophicItem.TP, 0.05,
                TrophicItem.TN, 1.0, TrophicItem.SD, 1.0, TrophicItem.CODMN, 4.0));
        assertThat(s.itemIndices().get(TrophicItem.CHLA)).isCloseTo(50.006, within(1e-3));
        assertThat(s.itemIndices().get(TrophicItem.TP)).isCloseTo(45.709, within(1e-3));
        assertThat(s.tli()).isCloseTo(48.018, within(1e-3));
        assertThat(s.level()).isEqualTo(TrophicLevel.MESOTROPHIC);
    }

    @Test
    void withoutSecchiDepthTheWeightsAreNormalisedOverTheItemsPresent() {
        // chla, TP, CODMn: Σr² = 1 + 0.7056 + 0.6889 = 2.3945 → 0.41763·50.006 + 0.29468·45.709 + 0.28770·37.979 = 45.280
        TrophicState s = TrophicStateIndex.of(Map.of(TrophicItem.CHLA, 10.0, TrophicItem.TP, 0.05,
                TrophicItem.CODMN, 4.0));
        assertThat(s.tli()).isCloseTo(45.280, within(1e-3));
        assertThatThrownBy(() -> TrophicStateIndex.of(Map.of(TrophicItem.TP, 0.05)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gradesFollowTheTliBands() {
        assertThat(TrophicLevel.of(29.99)).isEqualTo(TrophicLevel.OLIGOTROPHIC);
        assertThat(TrophicLevel.of(30)).isEqualTo(TrophicLevel.MESOTROPHIC);
        assertThat(TrophicLevel.of(50)).isEqualTo(TrophicLevel.MESOTROPHIC);
        assertThat(TrophicLevel.of(50.01)).isEqualTo(TrophicLevel.LIGHTLY_EUTROPHIC);
        assertThat(TrophicLevel.of(60)).isEqualTo(TrophicLevel.LIGHTLY_EUTROPHIC);
        assertThat(TrophicLevel.of(70)).isEqualTo(TrophicLevel.MODERATELY_EUTROPHIC);
        assertThat(TrophicLevel.of(70.01)).isEqualTo(TrophicLevel.HYPEREUTROPHIC);
    }
}
