package org.ecovalue.local;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ecovalue.schemas.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark harness, not a test: the whole local stack (simulated stations → MQTT → ingest → Kafka →
 * Flink, exactly-once → eco.station-class → dashboard → SSE) and the latency from a station's
 * publish (the observation's time, stamped by the simulator from the wall clock as it publishes) to
 * the browser event carrying the section's new class. The skeleton job emits when a class changes.
 * <pre>
 * ./mvnw -B -o -pl deploy/local -am verify -Dtest=none -Dit.test=EndToEndLatencyBenchmarkIT -Dbenchmark=true \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false [-Dseconds=90 -Dcheckpoint-ms=1000]
 * </pre>
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class EndToEndLatencyBenchmarkIT {

    @Test
    void station_publish_to_browser_event(@TempDir Path dataDir) throws Exception {
        int seconds = Integer.getInteger("seconds", 90);
        int checkpointMs = Integer.getInteger("checkpoint-ms", 1000);
        LocalStack.Settings settings = new LocalStack.Settings(dataDir, 0, 0, Duration.ofMillis(250),
                Duration.ofMillis(checkpointMs), 42, null);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        try (LocalStack stack = new LocalStack(settings, new PrintStream(OutputStream.nullOutputStream()))) {
            stack.start();
            HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(stack.dashboardUrl() + "api/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
            Thread reader = new Thread(() -> read(stream.body(), latencies));
            reader.setDaemon(true);
            reader.start();
            long end = System.currentTimeMillis() + seconds * 1000L;
            await().atMost(Duration.ofSeconds(seconds + 30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> System.currentTimeMillis() >= end);
            stream.body().close();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%nEnd to end, station publish -> browser event (checkpoint every %d ms, 4 stations every 250 ms, %d s):%n",
                checkpointMs, seconds);
        if (sorted.isEmpty()) {
            System.out.println("  no class change arrived");
            return;
        }
        System.out.printf("  p50 %d ms, p99 %d ms, max %d ms (%d section events)%n", sorted.get(sorted.size() / 2),
                sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))), sorted.get(sorted.size() - 1),
                sorted.size());
    }

    private static void read(InputStream in, List<Long> latencies) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean update = false;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.equals("event: update")) {
                    update = true;
                } else if (update && line.startsWith("data: ")) {
                    long now = System.currentTimeMillis();
                    for (JsonNode u : Json.mapper().readTree(line.substring(6))) {
                        if (u.path("kind").asText().equals("section") && u.path("data").path("source").asText().equals("station-class")) {
                            latencies.add(now - u.path("data").path("observedAt").asLong());
                        }
                    }
                    update = false;
                }
            }
        } catch (Exception closed) {
            // the benchmark is over
        }
    }
}
