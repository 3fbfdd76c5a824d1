package org.ecovalue.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ecovalue.schemas.registry.StationKind;
import org.ecovalue.simulator.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShippedScenariosTest {

    @ParameterizedTest
    @ValueSource(strings = {"default", "flux", "p-index", "class-step", "tiered-exceedance", "service-value-share", "large"})
    void everyShippedScenarioIsARegistryAndASimulation(String name) {
        Scenario s = Scenarios.load(name);

        assertThat(s.registry().stations()).isNotEmpty();
        assertThat(s.simulation().duration()).isNotNull();
    }

    @Test
    void theLargeScenarioHasThousandsOfStations() {
        Scenario large = Scenarios.load("large");

        assertThat(large.stations()).hasSize(20 * 2 + 200 * 10);
        assertThat(large.stations().stream().filter(s -> s.kind() == StationKind.AIR)).hasSize(800);
    }

    @Test
    void aFaultOnAStationThatDoesNotExistIsRefusedWithItsName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, Files.readString(Scenarios.DIR.resolve("flux.yaml"))
                .replace("  faults: []", "  faults:\n    - {type: dropout, stations: [SW390199000001], start: 2026-11-02T00:00:00Z, duration: PT1H}"));

        assertThatThrownBy(() -> ScenarioLoader.load(file)).isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("fault dropout: unknown station 'SW390199000001'");
    }

    @Test
    void aBadCrcOnAJsonStationIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("crc.yaml");
        Files.writeString(file, Files.readString(Scenarios.DIR.resolve("flux.yaml"))
                .replace("  faults: []", "  faults:\n    - {type: bad-crc, stations: [SW390123000001], start: 2026-11-02T00:00:00Z, duration: PT1H}"));

        assertThatThrownBy(() -> ScenarioLoader.load(file)).isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("station SW390123000001 does not send HJ 212 packets");
    }

    @Test
    void anUnknownFaultTypeIsRefusedWithTheKnownOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("type.yaml");
        Files.writeString(file, Files.readString(Scenarios.DIR.resolve("flux.yaml"))
                .replace("  faults: []", "  faults:\n    - {type: flatline, stations: [SW390123000001], start: 2026-11-02T00:00:00Z, duration: PT1H}"));

        assertThatThrownBy(() -> ScenarioLoader.load(file)).isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining("flat-line");
    }
}
