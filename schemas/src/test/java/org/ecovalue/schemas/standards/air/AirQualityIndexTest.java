package org.ecovalue.schemas.standards.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ecovalue.schemas.standards.air.AqiIndicator.CO_1H;
import static org.ecovalue.schemas.standards.air.AqiIndicator.NO2_1H;
import static org.ecovalue.schemas.standards.air.AqiIndicator.O3_1H;
import static org.ecovalue.schemas.standards.air.AqiIndicator.O3_8H;
import static org.ecovalue.schemas.standards.air.AqiIndicator.PM10_24H;
import static org.ecovalue.schemas.standards.air.AqiIndicator.PM25_24H;
import static org.ecovalue.schemas.standards.air.AqiIndicator.SO2_1H;
import static org.ecovalue.schemas.standards.air.AqiIndicator.SO2_24H;
import static org.ecovalue.schemas.standards.air.AqiReportKind.DAILY;
import static org.ecovalue.schemas.standards.air.AqiReportKind.HOURLY;
import static org.ecovalue.schemas.standards.air.AqiStandard.HJ633_2012;
import static org.ecovalue.schemas.standards.air.AqiStandard.HJ633_2026;

import java.time.OffsetDateTime;
import java.util.Map;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AirQualityIndexTest {

    @Test
    void dailyPm25Of70IsGoodUnder2012AndLightlyPollutedUnder2026() throws Exception {
        // 2012: 35 < 70 ≤ 75 → 50 + (70 − 35)·50/40 = 93.75 → 94, 良
        AirQualityReport old = AirQualityIndex.report(HJ633_2012, DAILY, Map.of(PM25_24H, 70.0));
        assertThat(old.aqi()).isEqualTo(94);
        assertThat(old.category()).isEqualTo(AqiCategory.GOOD);
        assertThat(old.standard().code()).isEqualTo("HJ633-2012");
        // 2026: 60 < 70 ≤ 115 → 100 + (70 − 60)·50/55 = 109.09 → 110, 轻度污染
        AirQualityReport now = AirQualityIndex.report(HJ633_2026, DAILY, Map.of(PM25_24H, 70.0));
        assertThat(now.aqi()).isEqualTo(110);
        assertThat(now.category()).isEqualTo(AqiCategory.LIGHTLY_POLLUTED);
        assertThat(now.standard().code()).isEqualTo("HJ633-2026");
        assertThat(now.exceedingPollutants()).containsExactly(PM25_24H);
        assertThat(old.exceedingPollutants()).isEmpty();
    }

    @Test
    void theVersionIsChosenByTheTimeOfTheData() throws Exception {
        // PM2.5 75: 2012 → exactly the IAQI 100 breakpoint; 2026 → 100 + 15·50/55 = 113.6 → 114
        Map<Parameter, Double> pm = Map.of(Parameter.PM25, 75.0);
        AirQualityReport feb = AirQualityIndex.daily(OffsetDateTime.parse("2026-02-28T00:00+08:00").toInstant(), pm);
        AirQualityReport mar = AirQualityIndex.daily(OffsetDateTime.parse("2026-03-01T00:00+08:00").toInstant(), pm);
        assertThat(feb.standard()).isEqualTo(HJ633_2012);
        assertThat(feb.aqi()).isEqualTo(100);
        assertThat(mar.standard()).isEqualTo(HJ633_2026);
        assertThat(mar.aqi()).isEqualTo(114);
    }

    @ParameterizedTest(name = "{0} {1} {2} = {3} → IAQI {4}")
    @CsvSource(textBlock = """
            # PM10 at IAQI 100 moved from 150 to 120: 2026 120 → 100; 2012 120 → 50 + 70·50/100 = 85
            HJ633_2026, PM10_24H, 120,  100
            HJ633_2012, PM10_24H, 120,  85
            # 2026 PM10 130 → 100 + 10·50/130 = 103.8 → 104
            HJ633_2026, PM10_24H, 130,  104
            # rounding up: 50 + 1·50/100 = 50.5 → 51
            HJ633_2012, PM10_24H, 51,   51
            # 2012 PM2.5 hourly-on-24h 40 → 50 + 5·50/40 = 56.25 → 57
            HJ633_2012, PM25_24H, 40,   57
            HJ633_2012, SO2_1H,   500,  100
            HJ633_2012, NO2_1H,   150,  75
            HJ633_2012, CO_1H,    7,    70
            HJ633_2012, CO_24H,   0.5,  13
            HJ633_2012, O3_1H,    180,  75
            HJ633_2026, O3_8H,    265,  200
            # SO2 1h exactly 800 is still on the table
            HJ633_2012, SO2_1H,   800,  200
            # above the top breakpoint: 500
            HJ633_2012, PM25_24H, 600,  500
            HJ633_2026, CO_1H,    200,  500
            HJ633_2026, PM25_24H, 0,    0
            """)
    void individualIndicesAreInterpolatedAndRoundedUp(AqiStandard standard, AqiIndicator indicator, double c, int iaqi) {
        assertThat(AirQualityIndex.score(standard, indicator, c)).hasValueSatisfying(i ->
                assertThat(i.iaqi()).isEqualTo(iaqi));
    }

    @Test
    void anHourlyReportScoresGasesOnOneHourColumnsAndPmOnTheDailyColumn() throws Exception {
        AirQualityReport r = AirQualityIndex.hourly(OffsetDateTime.parse("2025-06-01T09:00+08:00").toInstant(),
                Map.of(Parameter.SO2, 7.0, Parameter.NO2, 150.0, Parameter.CO, 7.0, Parameter.O3, 180.0,
                        Parameter.PM10, 66.0, Parameter.PM25, 40.0, Parameter.O3_8H, 999.0));
        assertThat(r.kind()).isEqualTo(HOURLY);
        assertThat(r.indices()).extracting(IndividualAqi::indicator)
                .containsExactly(SO2_1H, NO2_1H, PM10_24H, CO_1H, O3_1H, PM25_24H);
        // NO2 1h 150 → 75, O3 1h 180 → 75, CO 1h 7 → 70, PM2.5 40 → 57: a tie lists both
        assertThat(r.aqi()).isEqualTo(75);
        assertThat(r.primaryPollutants()).containsExactly(NO2_1H, O3_1H);
    }

    @Test
    void aDailyTieBetweenPm10AndPm25ListsBothAsPrimary() throws Exception {
        // 2012: PM2.5 115 → 150 and PM10 250 → 150
        AirQualityReport r = AirQualityIndex.report(HJ633_2012, DAILY, Map.of(PM25_24H, 115.0, PM10_24H, 250.0));
        assertThat(r.aqi()).isEqualTo(150);
        assertThat(r.primaryPollutants()).containsExactly(PM10_24H, PM25_24H);
        assertThat(r.exceedingPollutants()).containsExactly(PM10_24H, PM25_24H);
    }

    @Test
    void thereIsNoPrimaryPollutantAtAnAqiOf50OrLess() throws Exception {
        // PM2.5 35 → 50 exactly; SO2 24h 50 → 50
        AirQualityReport r = AirQualityIndex.report(HJ633_2026, DAILY, Map.of(PM25_24H, 35.0, SO2_24H, 50.0));
        assertThat(r.aqi()).isEqualTo(50);
        assertThat(r.category()).isEqualTo(AqiCategory.EXCELLENT);
        assertThat(r.primaryPollutants()).isEmpty();
    }

    @Test
    void under2012AnHourlySo2Above800IsReportedByIts24HourIaqi() throws Exception {
        // SO2 24h 300: 150 < 300 ≤ 475 → 100 + 150·50/325 = 123.08 → 124
        AirQualityReport r = AirQualityIndex.report(HJ633_2012, HOURLY, Map.of(SO2_1H, 900.0, SO2_24H, 300.0));
        assertThat(r.aqi()).isEqualTo(124);
        assertThat(r.primaryPollutants()).containsExactly(SO2_24H);
        assertThat(r.notes()).singleElement().asString().contains("注(2)");
    }

    @Test
    void under2012AnHourlySo2Above800WithoutA24HourMeanCannotBeReported() {
        assertThatThrownBy(() -> AirQualityIndex.report(HJ633_2012, HOURLY, Map.of(SO2_1H, 900.0, PM25_24H, 30.0)))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.MISSING_FIELD));
    }

    @Test
    void under2026AnHourlySo2Above800Scores200() throws Exception {
        AirQualityReport r = AirQualityIndex.report(HJ633_2026, HOURLY, Map.of(SO2_1H, 900.0));
        assertThat(r.aqi()).isEqualTo(200);
        assertThat(r.category()).isEqualTo(AqiCategory.MODERATELY_POLLUTED);
        assertThat(r.primaryPollutants()).containsExactly(SO2_1H);
    }

    @Test
    void under2012ADailyO3EightHourAbove800IsReportedByTheOneHourIaqi() throws Exception {
        // O3 8h 850 is not scored; O3 1h 900: 800 < 900 ≤ 1000 → 300 + 100·100/200 = 350
        AirQualityReport r = AirQualityIndex.report(HJ633_2012, DAILY, Map.of(O3_8H, 850.0, O3_1H, 900.0));
        assertThat(r.aqi()).isEqualTo(350);
        assertThat(r.category()).isEqualTo(AqiCategory.SEVERELY_POLLUTED);
        assertThat(r.indices()).extracting(IndividualAqi::indicator).containsExactly(O3_1H);
        assertThat(r.primaryPollutants()).containsExactly(O3_1H);
        assertThat(r.notes()).singleElement().asString().contains("注(3)");
    }

    @Test
    void under2012ADailyO3EightHourAbove800WithoutTheOneHourMaximumCannotBeReported() {
        assertThatThrownBy(() -> AirQualityIndex.report(HJ633_2012, DAILY, Map.of(O3_8H, 850.0)))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.MISSING_FIELD));
    }

    @Test
    void under2026ADailyO3EightHourAbove800Scores300AndTheDailyReportHasNoOneHourOzone() throws Exception {
        AirQualityReport r = AirQualityIndex.report(HJ633_2026, DAILY, Map.of(O3_8H, 850.0, O3_1H, 1100.0));
        assertThat(r.aqi()).isEqualTo(300);
        assertThat(r.category()).isEqualTo(AqiCategory.HEAVILY_POLLUTED);
        assertThat(r.indices()).extracting(IndividualAqi::indicator).containsExactly(O3_8H);
    }

    @Test
    void impossibleOrMissingConcentrationsAreRejectedWithAReason() {
        assertThatThrownBy(() -> AirQualityIndex.report(HJ633_2026, DAILY, Map.of(PM25_24H, -1.0)))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.ABSURD_VALUE));
        assertThatThrownBy(() -> AirQualityIndex.report(HJ633_2026, HOURLY, Map.of(O3_8H, 100.0)))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.NO_READINGS));
    }
}
