package org.ecovalue.local;

import org.ecovalue.embedded.TopicReader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.ecovalue.jobs.KafkaWiring;
import org.ecovalue.jobs.water.StationWaterClass;
import org.ecovalue.jobs.water.StationWaterClassCodec;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walking skeleton end to end: simulated stations → MQTT → ingest → Kafka → Flink → eco.station-class. */
class LocalStackIT {

    @TempDir
    Path dataDir;

    @Test
    void everySimulatedStationGetsAClassCommittedToEcoStationClassAndPrinted() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LocalStack.Settings settings = new LocalStack.Settings(dataDir, 0, 0,
                Duration.ofMillis(500), Duration.ofSeconds(1), 42, null);
        LocalStack stack = new LocalStack(settings, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String kafka;
        String mqtt;
        Map<String, String> stations;
        try (stack) {
            stack.start();
            kafka = stack.bootstrapServers();
            mqtt = stack.mqttUri();
            stations = stack.stationNames();
            try (TopicReader reader = new TopicReader(kafka, KafkaWiring.STATION_CLASS_TOPIC)) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    Map<String, StationWaterClass> committed = reader.records().stream()
                            .map(r -> StationWaterClassCodec.decode(r.value()))
                            .collect(Collectors.toMap(StationWaterClass::station, c -> c, (a, b) -> b));
                    assertThat(committed).containsOnlyKeys(stations.keySet());
                    committed.values().forEach(c -> {
                        assertThat(WaterClass.ofLabel(c.waterClass())).isNotNull();
                        assertThat(c.limiting()).isNotEmpty();
                    });
                });
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String terminal = printed.toString(StandardCharsets.UTF_8);
                stations.forEach((id, name) -> assertThat(terminal).contains(id + " " + name));
            });
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("EcoValue local stack up in")
                    .contains(stack.ingestOperationsUrl() + "/metrics");
            // the ingest inside serves what the standalone one does: counters for what it took in, and readiness
            String metrics = get(stack.ingestOperationsUrl() + "/metrics").body();
            assertThat(metrics).contains("ecovalue_ingest_received_total{source=\"mqtt-json\"",
                    "ecovalue_ingest_published_total{source=\"mqtt-hj212\"", "ecovalue_ingest_queue_depth");
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                HttpResponse<String> health = get(stack.ingestOperationsUrl() + "/health");
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"kafka\":\"UP\"", "\"mqtt\":\"UP\"", "\"opcua:local-");
            });
        }

        // stopped cleanly: nothing listens any more
        URI broker = URI.create(mqtt);
        assertRefused(broker.getHost(), broker.getPort());
        assertRefused("127.0.0.1", Integer.parseInt(kafka.substring(kafka.lastIndexOf(':') + 1)));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(String host, int port) {
        assertThatThrownBy(() -> {
            try (Socket s = new Socket(host, port)) {
                s.getInputStream();
            }
        }).isInstanceOfAny(ConnectException.class, IOException.class);
    }
}
