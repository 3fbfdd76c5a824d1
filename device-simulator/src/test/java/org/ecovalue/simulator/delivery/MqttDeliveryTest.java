package org.ecovalue.simulator.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ecovalue.embedded.EmbeddedMqttBroker;
import org.ecovalue.schemas.json.ObservationCodec;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Reading;
import org.ecovalue.simulator.Scenarios;
import org.ecovalue.simulator.replay.RecordedReadings;
import org.ecovalue.simulator.replay.Replayer;
import org.ecovalue.simulator.run.RunOptions;
import org.ecovalue.simulator.run.SimulationRun;
import org.ecovalue.simulator.scenario.Scenario;
import org.ecovalue.simulator.scenario.Simulation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Through a real MQTT broker (HiveMQ CE in-process) to a plain Paho subscriber. */
class MqttDeliveryTest {

    @TempDir
    static Path dir;
    private static EmbeddedMqttBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new EmbeddedMqttBroker(dir.resolve("broker"), 0).start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void aSubscriberReceivesExactlyTheStreamTheSimulatorProducesInMemory() throws Exception {
        Scenario s = Scenarios.load("default");
        Scenario day = s.withSimulation(s.simulation().withDuration(Duration.ofDays(1)));
        RecordingPublisher memory = new RecordingPublisher();
        new SimulationRun(day, memory, null, RunOptions.asFastAsPossible()).run();

        try (Subscriber sub = new Subscriber(broker.serverUri());
             MqttPublisher mqtt = new MqttPublisher(MqttSettings.anonymous(broker.serverUri()))) {
            new SimulationRun(day, mqtt, null, RunOptions.asFastAsPossible()).run();
            int expected = memory.deliveries().size();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sub.snapshot()).hasSize(expected));

            List<Subscriber.Received> got = sub.snapshot();
            assertThat(got).hasSize(expected);
            for (int i = 0; i < expected; i++) {
                assertThat(got.get(i).topic()).isEqualTo(memory.deliveries().get(i).topic());
                assertThat(got.get(i).payload()).as("message %d", i).isEqualTo(memory.deliveries().get(i).payload());
            }
        }
    }

    @Test
    void aBrokerDisconnectLosesNothingAndKeepsTheOrderOfTheStream() throws Exception {
        Scenario s = Scenarios.load("default");
        // to 2026-11-16T04:00Z: through the 2 h broker-disconnect of 11-16 00:00 and two hours after it
        Scenario throughDisconnect = s.withSimulation(s.simulation().withDuration(Duration.ofDays(16).plusHours(12)));
        RecordingPublisher memory = new RecordingPublisher();
        new SimulationRun(throughDisconnect, memory, null, RunOptions.asFastAsPossible()).run();
        assertThat(memory.connectionEvents()).hasSize(2);

        try (Subscriber sub = new Subscriber(broker.serverUri());
             MqttPublisher mqtt = new MqttPublisher(MqttSettings.anonymous(broker.serverUri()))) {
            new SimulationRun(throughDisconnect, mqtt, null, RunOptions.asFastAsPossible()).run();
            int expected = memory.deliveries().size();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(sub.snapshot()).hasSize(expected));

            List<Subscriber.Received> got = sub.snapshot();
            for (int i = 0; i < expected; i++) {
                assertThat(got.get(i).payload()).as("message %d", i).isEqualTo(memory.deliveries().get(i).payload());
            }
        }
    }

    @Test
    void aReplayedAssessCsvReachesASubscriberWithItsValuesAndTimestamps() throws Exception {
        Path csv = dir.resolve("recorded.csv");
        Files.writeString(csv, """
                station,ts,waterbody,nh3n,tp,do
                SW390121000001,2026-08-15 00:00,river,0.142,0.166,5.99
                SW390121000001,2026-08-15T01:00:00+08:00,river,0.262,,5.89
                SW390122000001,1786726800000,river,1.05,0.21,4.1
                """, StandardCharsets.UTF_8);

        try (Subscriber sub = new Subscriber(broker.serverUri());
             MqttPublisher mqtt = new MqttPublisher(MqttSettings.anonymous(broker.serverUri()))) {
            Replayer.replay(RecordedReadings.read(csv, Simulation.DEFAULT_ZONE), mqtt, 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> sub.snapshot().size() >= 3);

            List<Observation> got = sub.snapshot().stream().map(r -> {
                try {
                    return ObservationCodec.decode(r.payload());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).toList();
            assertThat(sub.snapshot()).extracting(Subscriber.Received::topic).containsExactly(
                    "ecovalue/v1/SW390121000001/obs", "ecovalue/v1/SW390121000001/obs", "ecovalue/v1/SW390122000001/obs");
            // 2026-08-15 00:00 in Asia/Shanghai is 2026-08-14T16:00Z
            assertThat(got.get(0).ts()).isEqualTo(Instant.parse("2026-08-14T16:00:00Z"));
            assertThat(got.get(0).readings()).extracting(Reading::param, Reading::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("nh3n", 0.142), org.assertj.core.groups.Tuple.tuple("tp", 0.166),
                            org.assertj.core.groups.Tuple.tuple("do", 5.99));
            assertThat(got.get(1).ts()).isEqualTo(Instant.parse("2026-08-14T17:00:00Z"));
            assertThat(got.get(1).readings()).extracting(Reading::param).containsExactly("nh3n", "do");
            assertThat(got.get(2).ts()).isEqualTo(Instant.ofEpochMilli(1786726800000L));
            assertThat(got.get(2).readings()).extracting(Reading::value).containsExactly(1.05, 0.21, 4.1);
        }
    }

    @Test
    void aReplayedHj212FileArrivesByteForByte() throws Exception {
        Path hj = dir.resolve("recorded.hj212");
        String packet = new String(new RecordingPublisherSample().firstHj212(), StandardCharsets.US_ASCII).strip();
        Files.writeString(hj, packet + "\n", StandardCharsets.US_ASCII);

        try (Subscriber sub = new Subscriber(broker.serverUri());
             MqttPublisher mqtt = new MqttPublisher(MqttSettings.anonymous(broker.serverUri()))) {
            Replayer.replay(RecordedReadings.read(hj, Simulation.DEFAULT_ZONE), mqtt, 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> sub.snapshot().size() >= 1);

            assertThat(new String(sub.snapshot().get(0).payload(), StandardCharsets.US_ASCII)).isEqualTo(packet + "\r\n");
        }
    }

    /** An HJ 212 packet as the default scenario's first HJ 212 station sends it. */
    private static final class RecordingPublisherSample {
        byte[] firstHj212() throws Exception {
            Scenario s = Scenarios.load("default");
            RecordingPublisher memory = new RecordingPublisher();
            new SimulationRun(s.withSimulation(s.simulation().withDuration(Duration.ofHours(1))), memory, null,
                    RunOptions.asFastAsPossible()).run();
            return memory.deliveries().stream().filter(d -> d.topic().endsWith("/hj212")).findFirst().orElseThrow().payload();
        }
    }
}
