package org.ecovalue.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ecovalue.schemas.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ecovalue local` serves the dashboard, prints its address, and its sections take live classes. */
class LocalDashboardIT {

    @TempDir
    Path dataDir;

    @Test
    void the_local_stack_prints_the_dashboard_address_and_the_sections_get_live_classes() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LocalStack.Settings settings = new LocalStack.Settings(dataDir, 0, 0,
                Duration.ofMillis(500), Duration.ofSeconds(1), 42, null);
        HttpClient http = HttpClient.newHttpClient();
        try (LocalStack stack = new LocalStack(settings, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            stack.start();
            String url = stack.dashboardUrl();
            assertThat(url).startsWith("http://127.0.0.1:");
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("dashboard    " + url);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.send(
                    HttpRequest.newBuilder(URI.create(url + "health")).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200));
            // the skeleton's simulated stations are named after the registry's sections (QX-S01 …)
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                JsonNode sections = Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(url + "api/sections"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body());
                List<String> withClass = new ArrayList<>();
                sections.forEach(s -> {
                    if (s.hasNonNull("currentClass")) {
                        withClass.add(s.path("id").asText());
                    }
                });
                assertThat(withClass).contains("QX-S01", "QX-S02", "QX-S03");
            });
        }
    }
}
