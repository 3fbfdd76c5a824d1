package org.ecovalue.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ecovalue.dashboard.config.DashboardConfig;
import org.ecovalue.dashboard.history.History;
import org.ecovalue.embedded.InfluxDbProcess;
import org.ecovalue.schemas.json.Json;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Point;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * History charts from a real InfluxDB 1.6 (Debian's influxd): what the pipeline wrote in the last
 * day is there after the dashboard restarts, when the live view starts empty.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardHistoryIT {

    private static final long HOUR_MS = 3_600_000L;

    private ResultTopics topics;
    private InfluxDbProcess influxd;
    private final HttpClient http = HttpClient.newHttpClient();
    private long now;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        influxd = new InfluxDbProcess(dir.resolve("influxdb"));
        influxd.start();
        influxd.createDatabase("ecovalue");
        topics = new ResultTopics(dir.resolve("kafka"));
        now = System.currentTimeMillis();
        // as the pipeline writes them (DESIGN.md "InfluxDB": compensation, tags agreement/section/status)
        try (InfluxDB writer = InfluxDBFactory.connect(influxd.url())) {
            writer.setDatabase("ecovalue");
            write(writer, now - 30 * HOUR_MS, "PROVISIONAL", 100_000.0); // older than a day: not shown
            write(writer, now - 2 * HOUR_MS, "PROVISIONAL", 250_000.0);
            write(writer, now - HOUR_MS, "PROVISIONAL", 500_000.0);
            write(writer, now - HOUR_MS / 2, "FINAL", 500_000.0);
            writer.write(Point.measurement("compensation").time(now - HOUR_MS, TimeUnit.MILLISECONDS)
                    .tag("agreement", "QX-A01").tag("section", "QX-S01").tag("status", "PROVISIONAL")
                    .addField("amount_cny", 7.0).addField("revision", 0L).build());
        }
    }

    private static void write(InfluxDB writer, long t, String status, double amountCny) {
        writer.write(Point.measurement("compensation").time(t, TimeUnit.MILLISECONDS)
                .tag("agreement", "QX-A02").tag("section", "QX-S02").tag("status", status)
                .addField("amount_cny", amountCny).addField("revision", 0L).build());
    }

    @AfterAll
    void stop() throws Exception {
        if (topics != null) {
            topics.close();
        }
        if (influxd != null) {
            influxd.close();
        }
    }

    private Dashboard dashboard() throws Exception {
        DashboardConfig config = DashboardConfig.defaults().withKafka(topics.bootstrapServers())
                .withHttp("127.0.0.1", 0).withRegistry(List.of(Basin.REGISTRY)).withInflux(influxd.url());
        Dashboard d = new Dashboard(config, History.of(config)).start();
        await().atMost(Duration.ofSeconds(30)).until(d::caughtUp);
        return d;
    }

    private JsonNode get(Dashboard d, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(d.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }

    @Test
    void the_last_day_of_an_agreements_amounts_is_there_after_the_dashboard_restarts() throws Exception {
        try (Dashboard first = dashboard()) {
            assertThat(get(first, "health").path("history").asText()).startsWith("influxdb ");
            assertDay(get(first, "api/history/compensation?agreement=QX-A02&hours=24"));
        }
        try (Dashboard restarted = dashboard()) {
            assertThat(restarted.view().agreement("QX-A02").orElseThrow().running()).isNull(); // nothing live yet
            assertDay(get(restarted, "api/history/compensation?agreement=QX-A02&hours=24"));
            // the last 48 hours include the point of 30 hours ago
            assertThat(get(restarted, "api/history/compensation?agreement=QX-A02&hours=48").path("PROVISIONAL"))
                    .hasSize(3);
        }
    }

    private void assertDay(JsonNode h) {
        assertThat(h.path("PROVISIONAL")).hasSize(2);
        assertThat(h.path("PROVISIONAL").get(0).path("t").asLong()).isEqualTo(now - 2 * HOUR_MS);
        assertThat(h.path("PROVISIONAL").get(0).path("v").asDouble()).isEqualTo(250_000.0);
        assertThat(h.path("PROVISIONAL").get(1).path("v").asDouble()).isEqualTo(500_000.0);
        assertThat(h.path("FINAL")).hasSize(1);
    }

    @Test
    void the_agreement_pages_history_chart_draws_the_last_day_from_influxdb(@TempDir Path profile) throws Exception {
        try (Dashboard d = dashboard(); HeadlessChromium chromium = new HeadlessChromium(profile)) {
            var browser = chromium.driver();
            browser.get(d.url() + "#/agreement/QX-A02");
            // points per series as ECharts holds them: PROVISIONAL 2 (the 30-hour-old one is outside the day), FINAL 1
            await().ignoreExceptions().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(browser.executeScript(
                    "const c = echarts.getInstanceByDom(document.getElementById('history-chart'));"
                            + "return c.getOption().series.map(s => s.name + '=' + s.data.length).sort().join(',');"))
                    .isEqualTo("暂定=2,终结=1"));
            browser.executeScript("document.getElementById('history-chart').scrollIntoView({block: 'center'});");
            chromium.screenshot("agreement-history");
        }
    }

    @Test
    void a_value_from_the_browser_is_bound_not_spliced_into_influxql() throws Exception {
        try (Dashboard d = dashboard()) {
            JsonNode h = get(d, "api/history/compensation?hours=24&agreement="
                    + java.net.URLEncoder.encode("QX-A02' OR agreement='QX-A01", java.nio.charset.StandardCharsets.UTF_8));
            assertThat(h.size()).isZero();
        }
    }
}
