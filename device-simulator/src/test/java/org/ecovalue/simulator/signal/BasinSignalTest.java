package org.ecovalue.simulator.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.simulator.Scenarios;
import org.ecovalue.simulator.scenario.Scenario;
import org.junit.jupiter.api.Test;

class BasinSignalTest {

    /** The pipeline's default flat-line rule (PipelineOptions flat-line-after): unmoved this long = stuck. */
    private static final Duration STUCK_AFTER = Duration.ofHours(6);

    @Test
    void aHealthyWaterAnalyserNeverRepeatsItsLastValueForSixHours() {
        // the figures' factors at every quality station, hourly over the flux scenario's month: the
        // longest run of one reported value must stay below the 6 h after which QC calls a sensor stuck
        // (7 equal hourly readings span 6 h), else the clean signal itself would be flagged
        Scenario scenario = Scenarios.load("flux");
        BasinSignal signal = new BasinSignal(scenario);
        List<Parameter> factors = List.of(Parameter.CODMN, Parameter.NH3N, Parameter.TP, Parameter.DO, Parameter.PH);
        int checked = 0;
        for (Section section : scenario.sections()) {
            Station station = scenario.registry().station(section.qualityStation()).orElseThrow();
            List<Parameter> params = StationParameters.of(station.kind());
            for (Parameter p : factors) {
                int i = params.indexOf(p);
                double last = Double.NaN;
                Instant since = null;
                Duration longest = Duration.ZERO;
                for (Instant t = scenario.simulation().start(); t.isBefore(scenario.simulation().end());
                        t = t.plusSeconds(station.reportingIntervalSeconds())) {
                    double v = signal.values(station, t)[i];
                    if (since == null || Double.compare(v, last) != 0) {
                        since = t;
                        last = v;
                    }
                    Duration run = Duration.between(since, t);
                    longest = run.compareTo(longest) > 0 ? run : longest;
                    checked++;
                }
                assertThat(longest).as("%s at %s", p.code(), station.id()).isLessThan(STUCK_AFTER);
            }
        }
        // 3 sections × 5 factors × 720 hours
        assertThat(checked).isEqualTo(3 * 5 * 720);
    }
}
