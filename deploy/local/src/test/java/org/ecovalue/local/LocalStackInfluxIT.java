package org.ecovalue.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.ecovalue.embedded.InfluxDbProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ecovalue local --influx URL}: the pipeline's history lands in a real InfluxDB 1.6. */
class LocalStackInfluxIT {

    @TempDir
    Path dataDir;

    @TempDir
    Path influxDir;

    @Test
    void readingsOfTheSimulatedStationsReachInfluxDbWithTheirStationTags() throws Exception {
        try (InfluxDbProcess influx = new InfluxDbProcess(influxDir)) {
            influx.start();
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            LocalStack.Settings settings = new LocalStack.Settings(dataDir, 0, 0,
                    Duration.ofMillis(500), Duration.ofSeconds(1), 42, null);
            try (LocalStack stack = new LocalStack(settings, new PrintStream(printed, true, StandardCharsets.UTF_8))
                    .withInflux(influx.url())) {
                stack.start();
                assertThat(printed.toString(StandardCharsets.UTF_8)).contains("InfluxDB").contains(influx.url());
                String waterStation = stack.stationNames().keySet().iterator().next();
                // written on each checkpoint (1 s here): a reading of a water quality station of the scenario
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                        assertThat(influx.query("SELECT count(value) FROM \"" + LocalStack.INFLUX_DATABASE
                                + "\"..reading WHERE station = '" + waterStation + "'"))
                                .contains("\"count\"").doesNotContain("\"error\""));
            }
        }
    }
}
