package org.ecovalue.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ecovalue.dashboard.config.DashboardConfig;
import org.ecovalue.dashboard.history.History;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.ledger.LedgerHashChain;
import org.ecovalue.schemas.topics.EcoTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard against a real Kafka broker, over real HTTP: the API of DESIGN.md and the SSE stream. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT {

    private ResultTopics topics;
    private Dashboard dashboard;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        topics = new ResultTopics(dir.resolve("kafka"));
        // published before the dashboard starts: it must read the topics from their beginning
        topics.commit(EcoTopic.COMPENSATION, "QX-A02/2026-10",
                LedgerHashChain.seal(Basin.finalOctober("500000.00"), LedgerHashChain.GENESIS));
        dashboard = new Dashboard(DashboardConfig.defaults().withKafka(topics.bootstrapServers())
                .withHttp("127.0.0.1", 0).withRegistry(List.of(Basin.REGISTRY))
                .withPushInterval(Duration.ofMillis(100)), History.none()).start();
        await().atMost(Duration.ofSeconds(30)).until(dashboard::caughtUp);
    }

    @AfterAll
    void stop() throws Exception {
        if (dashboard != null) {
            dashboard.close();
        }
        if (topics != null) {
            topics.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(dashboard.url() + path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }

    @Test
    void health_is_up_once_the_topics_are_read_and_the_final_published_before_start_is_there_verified() throws Exception {
        assertThat(json("/health").path("status").asText()).isEqualTo("UP");
        JsonNode a02 = agreement("QX-A02");
        assertThat(a02.path("settled").get(0).path("entry").path("period").asText()).isEqualTo("2026-10");
        assertThat(a02.path("settled").get(0).path("verified").asBoolean()).isTrue();
        assertThat(a02.path("chainIntact").asBoolean()).isTrue();
    }

    private JsonNode agreement(String id) throws Exception {
        for (JsonNode a : json("/api/agreements")) {
            if (a.path("id").asText().equals(id)) {
                return a;
            }
        }
        throw new AssertionError("no agreement " + id);
    }

    @Test
    void a_committed_running_figure_is_served_and_an_aborted_one_never_is() throws Exception {
        topics.abort(EcoTopic.COMPENSATION, "QX-A02/2026-11", Basin.provisional("999999.99", 9.9, 5000));
        topics.commit(EcoTopic.COMPENSATION, "QX-A02/2026-11", Basin.provisional("500000.00", 1.2, 6000));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(agreement("QX-A02").path("running").path("amountCny").decimalValue())
                        .isEqualByComparingTo("500000.00"));
        JsonNode entries = json("/api/compensation?agreement=QX-A02&period=2026-11");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("amountCny").decimalValue()).isEqualByComparingTo("500000.00");
    }

    @Test
    void a_record_that_cannot_be_read_is_counted_and_skipped_and_the_next_one_still_arrives() throws Exception {
        topics.commit(EcoTopic.INVENTORY, "390121/water_conservation", "{not json");
        topics.commit(EcoTopic.INVENTORY, "390121/water_conservation",
                "{\"unitId\":\"390121\",\"product\":\"no_such_product\"}");
        topics.commit(EcoTopic.INVENTORY, "390121/water_conservation",
                Basin.waterConservation("390121", 1.25e6, "8825000.00", 7000));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(json("/api/inventory?unit=390121")).hasSize(1));
        JsonNode inv = json("/api/inventory?unit=390121&product=water_conservation").get(0);
        assertThat(inv.path("latest").path("value").path("cny").decimalValue()).isEqualByComparingTo("8825000.00");
        assertThat(json("/api/inventory?unit=390123")).isEmpty();
        String metrics = get("/metrics").body();
        assertThat(metrics).contains("ecovalue_dashboard_records_rejected_total{topic=\"eco.inventory\"} 2");
    }

    @Test
    void a_browser_stream_gets_a_snapshot_then_the_new_class_of_a_section_in_an_update_event() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(dashboard.url() + "api/events"))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event: snapshot"));

        topics.commit(EcoTopic.STATION_CLASS, Basin.SHUANGJIANGKOU_STATION,
                Basin.stationClass(Basin.SHUANGJIANGKOU_STATION, System.currentTimeMillis(), "V"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(lines)
                .anySatisfy(l -> assertThat(l).startsWith("data: [").contains("\"kind\":\"section\"")
                        .contains("\"key\":\"QX-S02\"").contains("\"currentClass\":\"V\"")));
        JsonNode s02 = json("/api/sections").findParents("id").stream()
                .filter(n -> n.path("id").asText().equals("QX-S02")).findFirst().orElseThrow();
        assertThat(s02.path("currentClass").asText()).isEqualTo("V");
        assertThat(s02.path("meetsTarget").asBoolean()).isFalse();
        stream.body().close();
    }

    @Test
    void pages_and_echarts_come_from_the_jar_and_unknown_paths_are_404() throws Exception {
        assertThat(get("/").body()).contains("/vendor/echarts.min.js").contains("流域生态补偿");
        HttpResponse<String> echarts = get("/vendor/echarts.min.js");
        assertThat(echarts.statusCode()).isEqualTo(200);
        assertThat(echarts.body().length()).isGreaterThan(500_000);
        assertThat(get("/../pom.xml").statusCode()).isEqualTo(404);
        assertThat(get("/api/history/compensation?agreement=QX-A02&hours=x").statusCode()).isEqualTo(400);
    }
}
