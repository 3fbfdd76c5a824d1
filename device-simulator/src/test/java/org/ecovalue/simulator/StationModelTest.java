package org.ecovalue.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ecovalue.schemas.json.ObservationCodec;
import org.ecovalue.schemas.observation.Observation;
import org.junit.jupiter.api.Test;

class StationModelTest {

    private static List<StationModel.Sample> run(StationProfile station, long seed, int steps) {
        StationModel model = new StationModel(station, seed);
        List<StationModel.Sample> samples = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            samples.add(model.next());
        }
        return samples;
    }

    @Test
    void theSameSeedGivesTheSameValuesAndAnotherSeedOthers() {
        StationProfile s01 = DemoBasin.stations().get(0);

        assertThat(run(s01, 42, 200)).isEqualTo(run(s01, 42, 200));
        assertThat(run(s01, 43, 200)).isNotEqualTo(run(s01, 42, 200));
    }

    @Test
    void valuesStayWithinEachParametersPlausibleRange() {
        for (StationProfile station : DemoBasin.stations()) {
            for (StationModel.Sample sample : run(station, 7, 5_000)) {
                for (int i = 0; i < station.parameters().size(); i++) {
                    ParameterProfile p = station.parameters().get(i);
                    assertThat(sample.values().get(i)).as(station.id() + " " + p.param()).isBetween(p.min(), p.max());
                }
            }
        }
    }

    @Test
    void everyPublishedPayloadIsAValidObservationOfItsStation() throws Exception {
        Instant ts = Instant.parse("2026-11-22T00:00:03Z");
        for (StationProfile station : DemoBasin.stations()) {
            StationModel.Sample sample = new StationModel(station, 42).next();
            Observation obs = ObservationCodec.decode(StationPayload.json(station, sample, ts));

            assertThat(obs.station()).isEqualTo(station.id());
            assertThat(obs.ts()).isEqualTo(ts);
            assertThat(obs.seq()).isZero();
            assertThat(obs.readings()).hasSize(station.parameters().size());
        }
    }

    @Test
    void eachDemoStationCrossesItsClassBoundaryWithinFiveMinutes() {
        // 100 steps = 5 min at 3 s; GB 3838-2002 Table 1 limits, TP at QX-S03 with the lake limit
        assertCrosses(0, "nh3n", 1.0);
        assertCrosses(1, "tp", 0.1);
        assertCrosses(2, "tp", 0.05);
        assertCrosses(3, "nh3n", 1.5);
    }

    private static void assertCrosses(int stationIndex, String param, double limit) {
        StationProfile station = DemoBasin.stations().get(stationIndex);
        int i = station.parameters().stream().map(ParameterProfile::param).toList().indexOf(param);
        List<Double> values = run(station, 42, 100).stream().map(s -> s.values().get(i)).toList();
        assertThat(values).as(station.id() + " " + param).anyMatch(v -> v <= limit).anyMatch(v -> v > limit);
    }
}
