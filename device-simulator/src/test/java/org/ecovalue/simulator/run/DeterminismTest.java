package org.ecovalue.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import org.ecovalue.simulator.Scenarios;
import org.ecovalue.simulator.delivery.Delivery;
import org.ecovalue.simulator.delivery.RecordingPublisher;
import org.ecovalue.simulator.scenario.Scenario;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static byte[] stream(Scenario scenario) throws Exception {
        RecordingPublisher out = new RecordingPublisher();
        new SimulationRun(scenario, out, null, RunOptions.asFastAsPossible()).run();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Delivery d : out.deliveries()) {
            bytes.write(d.topic().getBytes());
            bytes.write('\n');
            bytes.write(d.payload());
            bytes.write('\n');
        }
        return bytes.toByteArray();
    }

    private static Scenario threeDays(long seed) {
        Scenario s = Scenarios.load("default");
        return s.withSimulation(s.simulation().withSeed(seed).withDuration(Duration.ofDays(3)));
    }

    @Test
    void theSameSeedGivesAByteIdenticalPayloadStream() throws Exception {
        byte[] first = stream(threeDays(42));
        byte[] second = stream(threeDays(42));

        assertThat(first.length).isGreaterThan(100_000);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anotherSeedGivesOtherValuesOnTheSameSchedule() throws Exception {
        RecordingPublisher a = new RecordingPublisher();
        RecordingPublisher b = new RecordingPublisher();
        new SimulationRun(threeDays(42), a, null, RunOptions.asFastAsPossible()).run();
        new SimulationRun(threeDays(43), b, null, RunOptions.asFastAsPossible()).run();

        List<String> topicsA = a.deliveries().stream().map(Delivery::topic).toList();
        List<String> topicsB = b.deliveries().stream().map(Delivery::topic).toList();
        assertThat(topicsB).isEqualTo(topicsA);
        assertThat(stream(threeDays(43))).isNotEqualTo(stream(threeDays(42)));
    }
}
