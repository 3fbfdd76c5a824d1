package org.ecovalue.schemas.assess;

import static org.assertj.core.api.Assertions.assertThat;

import org.ecovalue.schemas.standards.air.AqiReportKind;
import org.ecovalue.schemas.standards.air.AqiStandard;
import org.junit.jupiter.api.Test;

class AirAssessTest {

    @Test
    void hourlyReadingsAreScoredByTheVersionInForceAtTheirTime() throws Exception {
        AssessRun run = AssessRun.of(AssessKind.AIR, """
                station,ts,pm25,pm10,so2,no2,co,o3,so2_24h
                A1,2026-02-28T23:00:00+08:00,75,50,5,20,0.5,60,
                A2,2026-03-01T00:00:00+08:00,75,50,5,20,0.5,60,
                A3,2026-03-01T01:00:00+08:00,20,30,900,20,0.5,60,
                A4,2025-12-01T01:00:00+08:00,20,30,900,20,0.5,60,
                A5,2025-12-01T02:00:00+08:00,20,30,900,20,0.5,60,300
                A6,2026-03-01T02:00:00+08:00,-5,30,5,20,0.5,60,
                """);
        // 2012: PM2.5 75 → 100 (breakpoint), PM10 50 → 50, SO2 5 → ⌈5·50/150⌉ = 2, NO2 20 → 10, CO 0.5 → 5,
        // O3 60 → ⌈60·50/160⌉ = 19
        assertThat(run.row("A1")).containsEntry("aqi", "100").containsEntry("category", "良")
                .containsEntry("level", "二级").containsEntry("limiting", "pm25").containsEntry("primary", "pm25")
                .containsEntry("exceeding", "").containsEntry("standard", "HJ633-2012")
                .containsEntry("iaqi", "so2=2;no2=10;pm10=50;co=5;o3=19;pm25=100");
        // 2026: PM2.5 75 → ⌈100 + 15·50/55⌉ = 114
        assertThat(run.row("A2")).containsEntry("aqi", "114").containsEntry("category", "轻度污染")
                .containsEntry("primary", "pm25").containsEntry("exceeding", "pm25")
                .containsEntry("standard", "HJ633-2026");
        // 2026: SO2 1h above 800 → 200
        assertThat(run.row("A3")).containsEntry("aqi", "200").containsEntry("primary", "so2")
                .containsEntry("category", "中度污染");
        // 2012: SO2 1h above 800 needs the 24h mean, which A4 lacks
        assertThat(run.row("A4")).containsEntry("aqi", "").containsEntry("standard", "HJ633-2012")
                .hasEntrySatisfying("qc", qc -> assertThat(qc).startsWith("missing-field:so2_1h = 900.0 is above 800"));
        // ... and A5 has: SO2 24h 300 → ⌈100 + 150·50/325⌉ = 124
        assertThat(run.row("A5")).containsEntry("aqi", "124").containsEntry("primary", "so2_24h")
                .containsEntry("iaqi", "so2_24h=124;no2=10;pm10=30;co=5;o3=19;pm25=29");
        assertThat(run.row("A6")).containsEntry("aqi", "").containsEntry("qc", "absurd-value:pm25=-5");
    }

    @Test
    void dailyReportsShowTheCategoryChangeOfPm25At70AndTiesInThePrimaryPollutant() throws Exception {
        AssessRun run = AssessRun.of(AssessKind.AIR, AssessOptions.defaults().withAirReport(AqiReportKind.DAILY), """
                station,ts,pm25,pm10,so2,no2,co,o3_8h
                D1,2026-02-28,70,40,10,30,0.8,90
                D2,2026-03-01,70,40,10,30,0.8,90
                D3,2026-03-01,115,250,10,30,0.8,90
                """);
        // 2012: ⌈50 + 35·50/40⌉ = 94 良; others PM10 40, SO2 10, NO2 ⌈37.5⌉ = 38, CO 20, O3 8h 45
        assertThat(run.row("D1")).containsEntry("aqi", "94").containsEntry("category", "良")
                .containsEntry("standard", "HJ633-2012").containsEntry("exceeding", "")
                .containsEntry("iaqi", "so2=10;no2=38;pm10=40;co=20;o3_8h=45;pm25=94");
        // 2026: ⌈100 + 10·50/55⌉ = 110 轻度污染
        assertThat(run.row("D2")).containsEntry("aqi", "110").containsEntry("category", "轻度污染")
                .containsEntry("standard", "HJ633-2026").containsEntry("exceeding", "pm25");
        // PM2.5 115 → 150 and PM10 250 → 150: both primary
        assertThat(run.row("D3")).containsEntry("aqi", "150").containsEntry("limiting", "pm10;pm25")
                .containsEntry("primary", "pm10;pm25");
    }

    @Test
    void aPinnedVersionOverridesTheTimeOfTheData() throws Exception {
        AssessRun run = AssessRun.of(AssessKind.AIR, AssessOptions.defaults().withAirReport(AqiReportKind.DAILY)
                .withAirStandard(AqiStandard.HJ633_2012), """
                station,ts,pm25
                D2,2026-03-01,70
                """);
        assertThat(run.row("D2")).containsEntry("aqi", "94").containsEntry("standard", "HJ633-2012");
    }

    @Test
    void anAqiOf50OrLessHasNoPrimaryPollutantButStillALimitingOne() throws Exception {
        AssessRun run = AssessRun.of(AssessKind.AIR, """
                station,ts,pm25,no2
                C1,2026-05-01T08:00+08:00,20,40
                """);
        // PM2.5 20 → ⌈20·50/35⌉ = 29; NO2 1h 40 → 20
        assertThat(run.row("C1")).containsEntry("aqi", "29").containsEntry("category", "优")
                .containsEntry("limiting", "pm25").containsEntry("primary", "");
    }
}
