package org.ecovalue.schemas.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;
import org.ecovalue.schemas.standards.water.WaterRule;
import org.junit.jupiter.api.Test;

class WaterAssessTest {

    private static final String READINGS = """
            station,ts,waterbody,ph,do,codmn,nh3n,tp,tn,turbidity
            S1,2026-08-15T08:00:00+08:00,river,7.2,6.5,3.0,1.2,0.1,5.0,12
            S2,1786752000000,lake,7.5,8.0,1.5,0.1,0.08,,
            S3,2026-08-15 08:00,,7.0,7.6,1.9,0.14,0.015,,
            S4,2026-08-15T08:00+08:00,river,15,7.6,1.9,0.14,0.015,,
            S5,yesterday,river,7.0,7.6,1.9,0.14,0.015,,
            S6,2026-08-15T08:00+08:00,river,7.0,abc,1.9,0.14,0.015,,
            S7,2026-08-15T08:00+08:00,river,,,,,,1.0,
            S8,2026-08-15T08:00+08:00,sea,7.0,7.6,1.9,0.14,0.015,,
            S9,2026-08-15T08:00+08:00,river,7.0,7.6,1.9,-0.1,0.015,,
            ,2026-08-15T08:00+08:00,river,7.0,7.6,1.9,0.14,0.015,,
            S11,2026-08-15T08:00+08:00,river,7.0,7.6,1.9,0.14,0.015,,-3
            """;

    @Test
    void eachReadingGetsItsClassCategoryLimitingFactorAndStandard() throws Exception {
        AssessRun run = AssessRun.of(AssessKind.WATER, READINGS);
        assertThat(run.header()).containsExactly("station", "ts", "waterbody", "ph", "do", "codmn", "nh3n", "tp", "tn",
                "turbidity", "class", "category", "limiting", "main_pollutants", "waterbody_source", "standard", "qc");

        // NH3-N 1.2 → IV; TN 5 does not count in the real-time class; (1.2 − 1.0)/1.0 = 0.20
        assertThat(run.row("S1")).containsEntry("class", "IV").containsEntry("category", "轻度污染")
                .containsEntry("limiting", "nh3n").containsEntry("main_pollutants", "nh3n=0.20")
                .containsEntry("waterbody", "river").containsEntry("waterbody_source", "input")
                .containsEntry("standard", "GB3838-2002").containsEntry("qc", "").containsEntry("tn", "5.0");
        // lake TP 0.08 → IV (0.05 < 0.08 ≤ 0.1); (0.08 − 0.05)/0.05 = 0.60
        assertThat(run.row("S2")).containsEntry("class", "IV").containsEntry("limiting", "tp")
                .containsEntry("main_pollutants", "tp=0.60").containsEntry("waterbody", "lake");
        // an unknown station without waterbody is a river, and says so; everything class I
        assertThat(run.row("S3")).containsEntry("class", "I").containsEntry("category", "优")
                .containsEntry("limiting", "ph;do;codmn;nh3n;tp").containsEntry("main_pollutants", "")
                .containsEntry("waterbody", "river").containsEntry("waterbody_source", "default");
    }

    @Test
    void rowsThatCannotBeAssessedSayWhyAndHaveNoClass() throws Exception {
        AssessRun run = AssessRun.of(AssessKind.WATER, READINGS);
        Map<String, String> expectedQc = Map.of(
                "S4", "absurd-value:ph=15",
                "S5", "bad-timestamp:ts 'yesterday' is neither ISO-8601 (with or without offset) nor epoch milliseconds",
                "S6", "non-numeric-value:do=abc",
                "S7", "nothing-to-assess:none of ph,do,codmn,nh3n,tp has a value",
                "S8", "bad-waterbody:sea",
                "S9", "absurd-value:nh3n=-0.1",
                "S11", "absurd-value:turbidity=-3");
        expectedQc.forEach((station, qc) -> assertThat(run.row(station))
                .as(station).containsEntry("qc", qc).containsEntry("class", ""));
        assertThat(run.rows().get(9)).containsEntry("qc", "missing-field:station").containsEntry("class", "");
        assertThat(run.summary()).isEqualTo(new AssessSummary(11, 3, 8, 8, 0));
    }

    @Test
    void cnemcHeadersAreAliasesAndAUnitInTheHeaderIsConverted() throws Exception {
        // 1200 µg/L = 1.2 mg/L → IV
        // as saved by a spreadsheet: with a byte-order mark
        AssessRun run = AssessRun.of(AssessKind.WATER, "\uFEFF" + """
                断面名称,监测时间,氨氮(μg/L),总磷(mg/L),pH(无量纲),叶绿素α(mg/L)
                X,2026-08-15 08:00,1200,0.1,7.1,0.004
                """);
        assertThat(run.rows().get(0)).containsEntry("class", "IV").containsEntry("limiting", "nh3n")
                .containsEntry("氨氮(μg/L)", "1200").containsEntry("叶绿素α(mg/L)", "0.004");
        assertThat(run.header().get(0)).isEqualTo("断面名称");
    }

    @Test
    void thePeriodRuleGradesLaboratoryItemsAndCountsBelowDetectionLimitAsHalf() throws Exception {
        // COD 25 → IV (0.25), BOD5 5 → IV (0.25), Hg 0.0002 → IV (1.00), NH3-N 0.8 → III, TP 0.15 → III,
        // Cu 0.005 → I, Cd 0.001L → 0.0005 → I; fecal coliform 30000 (V) and TN 3 are reference items.
        // Main pollutants by multiple, COD before BOD5 on the tie (Table 1 order).
        AssessRun run = AssessRun.of(AssessKind.WATER, AssessOptions.defaults().withWaterRule(WaterRule.PERIOD), """
                station,ts,cod,bod5,nh3n,tp,cu,hg,cd,fecal_coliform,tn
                P1,2026-08-01,25,5,0.8,0.15,0.005,0.0002,0.001L,30000,3
                P2,2026-08-01,12,2,0.1,0.02,0.005,0.00004,0.001L,100,0.3
                """);
        assertThat(run.row("P1")).containsEntry("class", "IV").containsEntry("limiting", "cod;bod5;hg")
                .containsEntry("main_pollutants", "hg=1.00;cod=0.25;bod5=0.25").containsEntry("qc", "");
        assertThat(run.row("P2")).containsEntry("class", "I");
    }

    @Test
    void anOfficialClassColumnIsComparedAndAContradictionFlagged() throws Exception {
        AssessRun run = AssessRun.of(AssessKind.WATER, """
                station,ts,nh3n,水质类别
                A,2026-08-15T08:00+08:00,8,3
                B,2026-08-15T08:00+08:00,0.8,Ⅲ类
                C,2026-08-15T08:00+08:00,,-1
                D,2026-08-15T08:00+08:00,0.3,七
                E,2026-08-15T08:00+08:00,n/d,4
                """);
        assertThat(run.row("A")).containsEntry("class", "劣V").containsEntry("official_class", "III")
                .containsEntry("qc", "class-mismatch:official=III,computed=劣V");
        assertThat(run.row("B")).containsEntry("class", "III").containsEntry("official_class", "III")
                .containsEntry("qc", "");
        assertThat(run.row("C")).containsEntry("official_class", "")
                .containsEntry("qc", "nothing-to-assess:none of ph,do,codmn,nh3n,tp has a value");
        assertThat(run.row("D")).containsEntry("class", "II").containsEntry("qc", "bad-official-class:七");
        assertThat(run.row("E")).containsEntry("class", "").containsEntry("official_class", "IV")
                .containsEntry("qc", "non-numeric-value:nh3n=n/d");
        assertThat(run.summary().classMismatches()).isEqualTo(1);
    }

    @Test
    void jsonLinesCarryTheSameColumnsWithListsAsArrays() throws Exception {
        StringWriter out = new StringWriter();
        Assessor.forKind(AssessKind.WATER).assess(new StringReader("""
                station,ts,nh3n,codmn
                S1,2026-08-15T08:00+08:00,1.2,8
                """), out, OutputFormat.JSON_LINES);
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode row = Json.mapper().readTree(lines[0]);
        assertThat(row.get("station").asText()).isEqualTo("S1");
        assertThat(row.get("class").asText()).isEqualTo("IV");
        assertThat(row.get("limiting").isArray()).isTrue();
        assertThat(row.get("limiting")).extracting(JsonNode::asText).containsExactly("codmn", "nh3n");
        assertThat(row.get("qc").isNull()).isTrue();
    }

    @Test
    void aHeaderWithoutTimeTwoColumnsForOneParameterOrAnUnconvertibleUnitIsRefused() {
        assertThatThrownBy(() -> AssessRun.of(AssessKind.WATER, "station,nh3n\nS,1\n"))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.MISSING_FIELD));
        assertThatThrownBy(() -> AssessRun.of(AssessKind.WATER, "station,ts,ph,pH(无量纲)\nS,2026-08-15,7,7\n"))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.DUPLICATE_PARAMETER));
        assertThatThrownBy(() -> AssessRun.of(AssessKind.WATER, "station,ts,氨氮(furlong)\nS,2026-08-15,7\n"))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.UNKNOWN_UNIT));
        assertThatThrownBy(() -> AssessRun.of(AssessKind.WATER, "station,ts,nh3n\nS,\"2026-08-15,1\n"))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.BAD_ROW));
        assertThatThrownBy(() -> AssessRun.of(AssessKind.WATER, ""))
                .isInstanceOfSatisfying(InputRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.NO_READINGS));
    }
}
