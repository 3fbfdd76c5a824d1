package org.ecovalue.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's InfluxDB 1.6 ({@code influxd}) on loopback with its data in a folder of its own
 * (PLATFORM.md: started by hand with meta, data, wal and both bind addresses set).
 * Speaks the v1 HTTP API at {@link #url()}.
 */
public final class InfluxDbProcess extends ServerProcess {

    private final int httpPort;
    private final int rpcPort;
    private final HttpClient http = HttpClient.newHttpClient();

    public InfluxDbProcess(Path dir) {
        super(dir);
        this.httpPort = freePort();
        this.rpcPort = freePort();
    }

    /** {@code http://127.0.0.1:PORT}, the v1 API (influxdb-java's {@code InfluxDBFactory.connect(url)}). */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /** CREATE DATABASE (idempotent in InfluxDB 1.x). */
    public void createDatabase(String name) {
        query("CREATE DATABASE \"" + name.replace("\"", "\\\"") + "\"");
    }

    /** Runs an InfluxQL statement through {@code POST /query} and returns the JSON answer. */
    public String query(String influxQl) {
        String body = "q=" + URLEncoder.encode(influxQl, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/query"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2 || response.body().contains("\"error\"")) {
                throw new IllegalStateException("InfluxDB refused '" + influxQl + "': " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("InfluxDB at " + url() + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    protected String name() {
        return "influxd";
    }

    @Override
    protected int readinessPort() {
        return httpPort;
    }

    @Override
    protected List<String> command() throws IOException {
        Path conf = dir.resolve("influxdb.conf");
        Files.writeString(conf, """
                reporting-disabled = true
                bind-address = "127.0.0.1:%d"

                [meta]
                  dir = "%s"

                [data]
                  dir = "%s"
                  wal-dir = "%s"
                  query-log-enabled = false

                [http]
                  bind-address = "127.0.0.1:%d"
                  log-enabled = false

                [monitor]
                  store-enabled = false

                [subscriber]
                  enabled = false
                """.formatted(rpcPort, dir.resolve("meta"), dir.resolve("data"), dir.resolve("wal"), httpPort),
                StandardCharsets.UTF_8);
        return List.of("influxd", "-config", conf.toString());
    }
}
