package org.ecovalue.schemas.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: {@code assess water} on CNEMC's published real-time releases (testdata/water-cnemc)
 * reproduces the official class (水质类别) of every evaluated row, except the four documented 大风
 * rows whose published NH3-N of 8 mg/L contradicts their class III, which it flags. Expected classes
 * come from the official column only.
 */
class CnemcWaterAcceptanceTest {

    @Test
    void everyEvaluatedRowOfTheSampleGetsItsOfficialClassExceptTheFourDaFengRowsWhichAreFlagged() throws Exception {
        Output out = assess("cnemc_szzdjc_20260815_sample.csv");

        assertThat(out.rows).hasSize(616);
        List<Map<String, String>> evaluated = out.rows.stream().filter(r -> !r.get("水质类别").equals("-1")).toList();
        assertThat(evaluated).hasSize(601);
        List<Map<String, String>> flagged = new ArrayList<>();
        for (Map<String, String> r : evaluated) {
            String official = WaterClass.ofNumber(Integer.parseInt(r.get("水质类别"))).label();
            assertThat(r.get("official_class")).isEqualTo(official);
            if (r.get("qc").startsWith("class-mismatch:")) {
                flagged.add(r);
            } else {
                assertThat(r.get("class")).as("%s %s", r.get("断面名称"), r.get("监测时间")).isEqualTo(official);
                assertThat(r.get("qc")).isEmpty();
            }
        }
        assertThat(flagged).hasSize(4).allSatisfy(r -> {
            assertThat(r.get("断面名称")).isEqualTo("大风");
            assertThat(r.get("氨氮(mg/L)")).isEqualTo("8");
            // NH3-N 8 > 2.0 → 劣V, published as III
            assertThat(r.get("class")).isEqualTo("劣V");
            assertThat(r.get("limiting")).isEqualTo("nh3n");
            assertThat(r.get("qc")).isEqualTo("class-mismatch:official=III,computed=劣V");
        });
        assertThat(out.summary.rows()).isEqualTo(616);
        assertThat(out.summary.classMismatches()).isEqualTo(4);
        // the 15 not-evaluated rows have no values at all, so they cannot be assessed either
        assertThat(out.summary.notAssessed()).isEqualTo(15);
        assertThat(out.rows.stream().filter(r -> r.get("水质类别").equals("-1")))
                .allSatisfy(r -> assertThat(r.get("qc")).startsWith("nothing-to-assess:"));
    }

    @Test
    void withoutTheLakeSiteListLakeRowsGradedByTpWouldDisagreeWithTheirOfficialClass() throws Exception {
        Output withList = assess("cnemc_szzdjc_20260815_sample.csv", AssessOptions.defaults());
        Output without = assess("cnemc_szzdjc_20260815_sample.csv",
                AssessOptions.defaults().withLakeSites(LakeReservoirSites.none()));
        LakeReservoirSites sites = LakeReservoirSites.cnemcInferred();
        List<Map<String, String>> lost = without.rows.stream()
                .filter(r -> r.get("qc").startsWith("class-mismatch:") && !r.get("断面名称").equals("大风"))
                .toList();
        // river TP limits are laxer, so such a row can only come out better than published
        assertThat(lost).isNotEmpty().allSatisfy(r -> {
            assertThat(sites.contains(r.get("断面名称"), r.get("省份"))).isTrue();
            assertThat(WaterClass.ofLabel(r.get("class")).isWorseThan(WaterClass.ofLabel(r.get("official_class")))).isFalse();
        });
        assertThat(without.rows).allSatisfy(r -> assertThat(r.get("waterbody_source")).isIn("default", ""));
        assertThat(withList.rows.stream().filter(r -> r.get("waterbody").equals("lake")))
                .allSatisfy(r -> assertThat(r.get("waterbody_source")).isEqualTo("site-list"));
    }

    @Test
    void everyReleaseOfTheDayForThirteenStationsGetsItsOfficialClass() throws Exception {
        Output out = assess("cnemc_szzdjc_20260815_13stations_fullday.csv");
        assertThat(out.rows).hasSize(210);
        for (Map<String, String> r : out.rows) {
            String official = WaterClass.ofNumber(Integer.parseInt(r.get("水质类别"))).label();
            assertThat(r.get("class")).as("%s %s", r.get("断面名称"), r.get("监测时间")).isEqualTo(official);
            assertThat(r.get("qc")).isEmpty();
        }
        assertThat(out.summary.clean()).isTrue();
        // 湖滨 (巢湖) is the lake site of the thirteen
        assertThat(out.rows.stream().filter(r -> r.get("断面名称").equals("湖滨")))
                .allSatisfy(r -> assertThat(r.get("waterbody")).isEqualTo("lake"));
    }

    @Test
    void thePackagedLakeSiteListIsAnExactCopyOfTheTestdataOne() throws Exception {
        byte[] packaged;
        try (var in = LakeReservoirSites.class.getResourceAsStream(LakeReservoirSites.CNEMC_RESOURCE)) {
            packaged = in.readAllBytes();
        }
        assertThat(packaged).isEqualTo(Files.readAllBytes(TestData.file("water-cnemc/inferred_lake_reservoir_sites.csv")));
        assertThat(LakeReservoirSites.cnemcInferred().size()).isEqualTo(79);
    }

    private record Output(List<Map<String, String>> rows, AssessSummary summary) {
    }

    private static Output assess(String file) throws Exception {
        return assess(file, AssessOptions.defaults());
    }

    private static Output assess(String file, AssessOptions options) throws Exception {
        Path path = TestData.file("water-cnemc/" + file);
        AssessRun run = AssessRun.of(AssessKind.WATER, options, Files.readString(path, StandardCharsets.UTF_8));
        return new Output(run.rows(), run.summary());
    }
}
