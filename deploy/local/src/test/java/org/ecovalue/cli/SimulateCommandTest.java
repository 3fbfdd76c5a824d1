package org.ecovalue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import org.ecovalue.embedded.EmbeddedMqttBroker;
import org.ecovalue.simulator.truth.GroundTruth;
import org.ecovalue.simulator.truth.GroundTruthFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void helpNamesEveryOptionAndItsEnvironmentVariable() {
        assertThat(run("simulate", "--help")).isZero();
        assertThat(out.toString()).contains("--scenario", "--speed", "--seed", "--mqtt", "--opcua-port", "--duration",
                "--rate", "--dry-run", "--replay", "--truth", "ECOVALUE_SIM_SPEED", "ECOVALUE_MQTT_PASSWORD");
    }

    @Test
    void aDryRunPrintsOneSampleOfEachPayloadTypeOfTheDefaultScenario() {
        assertThat(run("simulate", "--dry-run")).isZero();
        assertThat(out.toString())
                .contains("mqtt-json  ecovalue/v1/")
                .contains("mqtt-hj212 CN=2061  ecovalue/v1/")
                .contains("opcua", "Objects/Stations/");
    }

    @Test
    void anUnknownScenarioIsAFailedCheckNamingIt() {
        assertThat(run("simulate", "--scenario", "no-such-basin", "--dry-run")).isEqualTo(EcoValueCommand.FAILED_CHECK);
        assertThat(err.toString()).contains("no-such-basin");
    }

    @Test
    void twoHoursOfTheFluxScenarioGoToTheBrokerAndTheGroundTruthIsWritten(@TempDir Path dir) throws Exception {
        try (EmbeddedMqttBroker broker = new EmbeddedMqttBroker(dir.resolve("broker"), 0).start()) {
            Path truthFile = dir.resolve("truth.json");
            int exit = run("simulate", "--scenario", "flux", "--duration", "2h", "--speed", "0", "--opcua-port", "-1",
                    "--mqtt", broker.serverUri(), "--truth", truthFile.toString());

            assertThat(exit).as(err.toString()).isZero();
            GroundTruth truth = GroundTruthFile.read(truthFile);
            // 8 MQTT stations (3 water, 3 air, 2 soil) report hourly; flow and weather are OPC UA, switched off
            assertThat(truth.messages()).isEqualTo(16);
            assertThat(truth.waterClass()).hasSize(3 * 2);
            assertThat(out.toString()).contains("Sent 16 messages");
        }
    }
}
