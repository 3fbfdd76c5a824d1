package org.ecovalue.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.ecovalue.simulator.Scenarios;
import org.ecovalue.simulator.delivery.RecordingPublisher;
import org.ecovalue.simulator.scenario.Scenario;
import org.ecovalue.simulator.truth.GroundTruth;
import org.junit.jupiter.api.Test;

class OperatorEndpointTest {

    @Test
    void metricsCountWhatTheRunSentAndHealthSaysWhereItIs() throws Exception {
        Scenario s = Scenarios.load("default");
        Scenario day = s.withSimulation(s.simulation().withDuration(Duration.ofDays(1)));
        SimulationRun run = new SimulationRun(day, new RecordingPublisher(), null, RunOptions.asFastAsPossible());
        try (OperatorEndpoint endpoint = new OperatorEndpoint(run, 0)) {
            GroundTruth truth = run.run();
            HttpClient http = HttpClient.newHttpClient();
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();

            // a day of 8 hourly MQTT stations; OPC UA stations have no server in this run
            assertThat(truth.messages()).isEqualTo(8 * 24);
            assertThat(metrics).contains("ecovalue_simulator_messages_total 192\n")
                    .contains("ecovalue_simulator_readings_total " + truth.readings() + "\n")
                    .contains("ecovalue_simulator_publish_errors_total 0\n");
            assertThat(health).contains("\"status\":\"UP\"");
        }
    }
}
