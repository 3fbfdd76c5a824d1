package org.ecovalue.simulator.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.ecovalue.embedded.MosquittoProcess;
import org.ecovalue.embedded.tls.TestCertificateAuthority;
import org.ecovalue.simulator.Scenarios;
import org.ecovalue.simulator.run.RunOptions;
import org.ecovalue.simulator.run.SimulationRun;
import org.ecovalue.simulator.scenario.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Debian's Mosquitto with a password file and an ACL: the simulator logs in like a station operator. */
class MosquittoCredentialsTest {

    @TempDir
    static Path dir;
    private static MosquittoProcess mosquitto;

    private static final String ACL = """
            user simulator
            topic write ecovalue/v1/#
            user reader
            topic read ecovalue/v1/#
            """;

    @BeforeAll
    static void start() {
        mosquitto = MosquittoProcess.withAuth(dir, Map.of("simulator", "s3cret", "reader", "r3ad"), ACL);
        mosquitto.start();
    }

    @AfterAll
    static void stop() {
        mosquitto.close();
    }

    private static MqttSettings as(String user, String password) {
        return new MqttSettings(mosquitto.url(), "sim-" + user, user, password.toCharArray(), null, null, 1, 1000);
    }

    @Test
    void withItsCredentialsTheSimulatorsMessagesReachAnAuthorisedReader() throws Exception {
        Scenario s = Scenarios.load("default");
        Scenario twoHours = s.withSimulation(s.simulation().withDuration(Duration.ofHours(2)));
        try (Subscriber reader = new Subscriber(mosquitto.url(), "reader", "r3ad");
             MqttPublisher simulator = new MqttPublisher(as("simulator", "s3cret"))) {
            new SimulationRun(twoHours, simulator, null, RunOptions.asFastAsPossible()).run();

            // 8 MQTT stations report hourly
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(reader.snapshot()).hasSize(16));
        }
    }

    @Test
    void overTlsWithTheBrokersCaFileTheSimulatorsMessagesArrive() throws Exception {
        TestCertificateAuthority ca = TestCertificateAuthority.create(dir.resolve("ca"), "EcoValue test CA");
        try (MosquittoProcess tls = MosquittoProcess.withAuth(dir.resolve("mosquitto-tls"),
                Map.of("simulator", "s3cret", "reader", "r3ad"), ACL).withTls(ca)) {
            tls.start();
            assertThat(tls.url()).startsWith("ssl://");
            Scenario s = Scenarios.load("default");
            Scenario oneHour = s.withSimulation(s.simulation().withDuration(Duration.ofHours(1)));
            try (Subscriber reader = new Subscriber(tls.url(), "reader", "r3ad", ca.caFile());
                 MqttPublisher simulator = new MqttPublisher(new MqttSettings(tls.url(), "sim-tls", "simulator",
                         "s3cret".toCharArray(), ca.caFile(), null, 1, 1000))) {
                new SimulationRun(oneHour, simulator, null, RunOptions.asFastAsPossible()).run();

                // 8 MQTT stations report hourly: one message each in one hour
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(reader.snapshot()).hasSize(8));
            }
        }
    }

    @Test
    void aWrongPasswordIsRefusedAtConnect() {
        assertThatThrownBy(() -> new MqttPublisher(as("simulator", "wrong")).close())
                .hasMessageContaining("Not authorized");
    }
}
