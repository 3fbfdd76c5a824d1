package org.ecovalue.simulator.truth;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.ecovalue.simulator.Scenarios;
import org.ecovalue.simulator.scenario.Scenario;
import org.ecovalue.simulator.signal.StationParameters;
import org.junit.jupiter.api.Test;

class TruthRecorderTest {

    @Test
    void aClassStepMonthIsClassedOnPhTooAsThePipelineClassesIt() {
        // class-step scenario: QX-CLASS on 双江口 (QX-S02, quality station SW390122000001), baseline III,
        // ¥500 000 per class, capped at ¥1 000 000, month of November 2026 in Asia/Shanghai (720 h)
        Scenario scenario = Scenarios.load("class-step");
        Station station = scenario.registry().station("SW390122000001").orElseThrow();
        List<Parameter> params = StationParameters.of(station.kind());
        // water_temp ph conductivity turbidity do codmn nh3n tp tn: every factor class II or better
        // (DO 8 ≥ 7.5 is I; CODMn 4, NH3-N 0.5, TP 0.1 are at the class II limits, inclusive) but pH 9.5,
        // outside GB 3838-2002 Table 1's 6–9 for every class: the period is 劣V, not II
        double[] values = {15, 9.5, 300, 5, 8, 4, 0.5, 0.1, 0.5};
        assertThat(params).extracting(Parameter::code)
                .containsExactly("water_temp", "ph", "conductivity", "turbidity", "do", "codmn", "nh3n", "tp", "tn");
        TruthRecorder recorder = new TruthRecorder(scenario);
        Instant start = scenario.simulation().start();
        for (int h = 0; h < 720; h++) {
            recorder.clean(station, start.plusSeconds(3600L * h), params, values);
        }

        ExpectedCompensation month = recorder.build(start.plusSeconds(720 * 3600L)).compensation().stream()
                .filter(c -> c.agreement().equals("QX-CLASS")).findFirst().orElseThrow();

        assertThat(month.period()).isEqualTo("2026-11");
        assertThat(month.inputs().meansMgL()).containsEntry("ph", new BigDecimal("9.50000"));
        assertThat(month.inputs().waterClass()).isEqualTo(WaterClass.WORSE_THAN_V);
        // 劣V is 3 classes worse than III: 3 × ¥500 000 = ¥1 500 000, capped at ¥1 000 000; upstream pays
        assertThat(month.amountCny()).isEqualTo(new BigDecimal("1000000.00"));
        assertThat(month.payer()).isEqualTo("390122");
        assertThat(month.payee()).isEqualTo("390123");
    }
}
