package org.ecovalue.dashboard;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
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
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ecovalue.dashboard.config.DashboardConfig;
import org.ecovalue.dashboard.history.History;
import org.ecovalue.embedded.EmbeddedKafka;
import org.ecovalue.dashboard.feed.TopicFeed;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.inventory.Quantity;
import org.ecovalue.schemas.inventory.Valuation;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.UnitKind;
import org.ecovalue.schemas.topics.EcoTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark harness, not a test (it asserts nothing about speed): a steady stream of inventory
 * updates on distinct keys (nothing collapses) through a real Kafka broker into the dashboard,
 * fanned out to N SSE clients. Prints updates/s received per client and in total, and the latency
 * from the producer's send to the client reading the event (p50/p99).
 * <pre>
 * ./mvnw -B -o -pl dashboard -am test -Dtest=SseFanOutBenchmark -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false
 *   [-Dclients=100 -Drate=2000 -Dseconds=20]
 * </pre>
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class SseFanOutBenchmark {

    @Test
    void fan_out(@TempDir Path dir) throws Exception {
        int clients = Integer.getInteger("clients", 100);
        int ratePerSecond = Integer.getInteger("rate", 2000);
        int seconds = Integer.getInteger("seconds", 20);
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start()) {
            kafka.createTopics(TopicFeed.TOPICS);
            try (Dashboard dashboard = new Dashboard(DashboardConfig.defaults().withKafka(kafka.bootstrapServers())
                    .withHttp("127.0.0.1", 0).withRegistry(List.of(Basin.REGISTRY)), History.none()).start();
                 KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                         ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                         ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
                await().atMost(Duration.ofSeconds(30)).until(dashboard::caughtUp);
                HttpClient http = HttpClient.newBuilder().build();
                AtomicLong received = new AtomicLong();
                List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
                List<Thread> readers = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    boolean sampleLatency = c % 10 == 0; // every tenth client records latencies
                    HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(
                            URI.create(dashboard.url() + "api/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
                    Thread t = new Thread(() -> read(stream.body(), received, sampleLatency ? latencies : null));
                    t.setDaemon(true);
                    t.start();
                    readers.add(t);
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> dashboard.metrics().exposition()
                        .contains("ecovalue_dashboard_sse_clients " + clients));

                long start = System.nanoTime();
                long sent = 0;
                long intervalNanos = 1_000_000_000L / ratePerSecond;
                while (System.nanoTime() - start < seconds * 1_000_000_000L) {
                    long due = start + sent * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait); // no spinning: the machine is shared
                    }
                    InventoryRecord r = record(sent);
                    producer.send(new ProducerRecord<>(EcoTopic.INVENTORY.topic(), r.key(), Json.mapper().writeValueAsBytes(r)));
                    sent++;
                }
                producer.flush();
                long expected = sent * clients;
                long produced = sent;
                // drained: the dashboard has read every record and the clients' count has stopped growing
                await().atMost(Duration.ofSeconds(120)).until(() -> dashboard.metrics()
                        .count("ecovalue_dashboard_records_total", "topic=\"eco.inventory\"") >= produced);
                long[] last = {-1};
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    long now = received.get();
                    boolean stable = now == last[0];
                    last[0] = now;
                    return stable;
                });
                double took = (System.nanoTime() - start) / 1e9 - 1.0; // minus the last quiet second
                List<Long> sorted = new ArrayList<>(latencies);
                Collections.sort(sorted);
                System.out.printf("%nSSE fan-out: %d clients, %d updates sent at %d/s for %d s%n", clients, sent,
                        ratePerSecond, seconds);
                System.out.printf("  collapsed (same key twice within one push interval): %d of %d%n",
                        expected - received.get(), expected);
                System.out.printf("  received %d updates in %.1f s: %.0f updates/s in total, %.0f updates/s per client%n",
                        received.get(), took, received.get() / took, received.get() / took / clients);
                System.out.printf("  latency producer send -> client read: p50 %d ms, p99 %d ms, max %d ms (%d samples)%n",
                        sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.99)), sorted.get(sorted.size() - 1),
                        sorted.size());
                System.out.println("  " + dashboard.metrics().exposition().lines()
                        .filter(l -> l.startsWith("ecovalue_dashboard_sse_batches_total")).findFirst().orElse(""));
            }
        }
    }

    private static InventoryRecord record(long n) {
        String unit = "B" + (n % 5000); // 5,000 distinct keys
        return new InventoryRecord(unit, "基准单元 " + unit, UnitKind.GRID, EcoProduct.WATER_CONSERVATION, "2026-11",
                InventoryStatus.LIVE, 0, new Quantity(n, "m3"), null, new Valuation(new BigDecimal("1.00"), "bench"),
                null, null, 1.0, List.of("S1"), System.currentTimeMillis());
    }

    private static int occurrences(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private static void read(InputStream in, AtomicLong received, List<Long> latencies) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean update = false;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.equals("event: update")) {
                    update = true;
                } else if (update && line.startsWith("data: ")) {
                    long now = System.currentTimeMillis();
                    if (latencies == null) {
                        // a cheap count, so that 100 clients in this JVM do not measure Jackson instead of the server
                        received.addAndGet(occurrences(line, "\"kind\":\"inventory\""));
                    } else {
                        JsonNode batch = Json.mapper().readTree(line.substring(6));
                        received.addAndGet(batch.size());
                        for (JsonNode u : batch) {
                            latencies.add(now - u.path("data").path("latest").path("updatedAt").asLong());
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
