package org.ecovalue.schemas.standards.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class AqiStandardTest {

    @Test
    void hj633Of2026AppliesFromMidnightBeijingTimeOnTheFirstOfMarch2026() {
        assertThat(AqiStandard.at(OffsetDateTime.parse("2026-02-28T23:59:59+08:00").toInstant()))
                .isEqualTo(AqiStandard.HJ633_2012);
        assertThat(AqiStandard.at(OffsetDateTime.parse("2026-03-01T00:00:00+08:00").toInstant()))
                .isEqualTo(AqiStandard.HJ633_2026);
        // the same instant in UTC
        assertThat(AqiStandard.at(OffsetDateTime.parse("2026-02-28T16:00:00Z").toInstant()))
                .isEqualTo(AqiStandard.HJ633_2026);
        assertThat(AqiStandard.at(OffsetDateTime.parse("2026-02-28T15:59:59Z").toInstant()))
                .isEqualTo(AqiStandard.HJ633_2012);
    }

    @Test
    void categoriesLevelsAndColoursFollowTheTable() {
        assertThat(AqiCategory.of(50)).isEqualTo(AqiCategory.EXCELLENT);
        assertThat(AqiCategory.of(51).chineseName()).isEqualTo("良");
        assertThat(AqiCategory.of(101).level()).isEqualTo("三级");
        assertThat(AqiCategory.of(150).rgbHex()).isEqualTo("#FF7E00");
        assertThat(AqiCategory.of(200).chineseName()).isEqualTo("中度污染");
        assertThat(AqiCategory.of(300).chineseName()).isEqualTo("重度污染");
        assertThat(AqiCategory.of(301).chineseName()).isEqualTo("严重污染");
        assertThat(AqiCategory.of(500).rgbHex()).isEqualTo("#7E0023");
    }
}
