package org.ecovalue.simulator.run;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * {@code /health} and {@code /metrics} (Prometheus text format) of a running simulation, for operators
 * who drive a deployment with it. JDK HTTP server, loopback only.
 */
public final class OperatorEndpoint implements AutoCloseable {

    private final HttpServer http;
    private final SimulationRun run;

    public OperatorEndpoint(SimulationRun run, int port) throws IOException {
        this.run = run;
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        http.createContext("/health", ex -> reply(ex, "application/json",
                "{\"status\":\"" + (run.isStopped() ? "STOPPED" : "UP") + "\",\"simulatedTime\":\"" + run.simulatedTime() + "\"}"));
        http.createContext("/metrics", ex -> reply(ex, "text/plain; version=0.0.4", metrics()));
        http.start();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    String metrics() {
        return "# HELP ecovalue_simulator_messages_total Messages sent (MQTT publishes and OPC UA updates).\n"
                + "# TYPE ecovalue_simulator_messages_total counter\n"
                + "ecovalue_simulator_messages_total " + run.messagesSent() + "\n"
                + "# HELP ecovalue_simulator_readings_total Readings sent (one parameter value of one station at one instant).\n"
                + "# TYPE ecovalue_simulator_readings_total counter\n"
                + "ecovalue_simulator_readings_total " + run.readingsSent() + "\n"
                + "# HELP ecovalue_simulator_publish_errors_total Publishes that failed.\n"
                + "# TYPE ecovalue_simulator_publish_errors_total counter\n"
                + "ecovalue_simulator_publish_errors_total " + run.errors() + "\n"
                + "# HELP ecovalue_simulator_simulated_time_seconds Simulated time reached, epoch seconds.\n"
                + "# TYPE ecovalue_simulator_simulated_time_seconds gauge\n"
                + "ecovalue_simulator_simulated_time_seconds " + run.simulatedTime().getEpochSecond() + "\n";
    }

    private static void reply(HttpExchange ex, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
