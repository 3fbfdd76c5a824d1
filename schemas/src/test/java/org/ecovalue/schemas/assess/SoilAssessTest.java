package org.ecovalue.schemas.assess;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SoilAssessTest {

    @Test
    void eachSampleGetsItsRiskClassFromLandUseAndPh() throws Exception {
        AssessRun run = AssessRun.of(AssessKind.SOIL, """
                station,ts,land_use,pH,cd,hg,as,pb,cr,cu,ni,zn
                T1,2026-05-01,paddy,6.0,0.35,0.3,20,50,100,40,40,100
                T2,2026-05-01,other,6.0,0.35,0.3,20,50,100,40,40,100
                T3,2026-05-01,其他,8.0,0.5,1.0,120,200,100,40,40,100
                T4,2026-05-01,水旱轮作,7.0,0.2,1.0,20,50,100,40,40,100
                T5,2026-05-01,,6.0,0.35,,,,,,,
                T6,2026-05-01,forest,6.0,0.35,,,,,,,
                T7,2026-05-01,paddy,,0.35,,,,,,,
                T8,2026-05-01,paddy,15,0.35,,,,,,,
                """);
        // paddy pH 6.0: Cd screening 0.4, all metals at or below screening
        assertThat(run.row("T1")).containsEntry("risk", "priority-protection").containsEntry("category", "优先保护类")
                .containsEntry("limiting", "").containsEntry("ph_band", "5.5<pH≤6.5")
                .containsEntry("standard", "GB15618-2018").containsEntry("qc", "");
        // other land pH 6.0: Cd screening 0.3 < 0.35 ≤ intervention 2.0; P = 0.35/0.3 = 1.17
        assertThat(run.row("T2")).containsEntry("risk", "safe-utilization").containsEntry("limiting", "cd")
                .hasEntrySatisfying("single_factor_index", p -> assertThat(p).startsWith("cd=1.17;"));
        // pH 8.0: As 120 > intervention 100 → strict control; Pb 200 > 170 is only safe use
        assertThat(run.row("T3")).containsEntry("risk", "strict-control").containsEntry("category", "严格管控类")
                .containsEntry("limiting", "as");
        // rotation, pH 7.0: Hg screening min(paddy 0.6, other 2.4) = 0.6 < 1.0 ≤ 4.0
        assertThat(run.row("T4")).containsEntry("risk", "safe-utilization").containsEntry("limiting", "hg");
        assertThat(run.row("T5")).containsEntry("risk", "").containsEntry("qc", "missing-field:land_use");
        assertThat(run.row("T6")).containsEntry("qc", "bad-land-use:forest");
        assertThat(run.row("T7")).containsEntry("qc", "missing-field:soil_ph");
        assertThat(run.row("T8")).containsEntry("qc", "absurd-value:soil_ph=15");
        assertThat(run.summary().assessed()).isEqualTo(4);
    }
}
