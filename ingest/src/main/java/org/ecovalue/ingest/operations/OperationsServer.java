package org.ecovalue.ingest.operations;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code GET /metrics} (Prometheus text), {@code GET /health/live} (the process runs),
 * {@code GET /health} and {@code /health/ready} (200 when every dependency is up, else 503, with a
 * JSON body naming each one: the MQTT broker, Kafka, each OPC UA endpoint).
 */
public final class OperationsServer implements AutoCloseable {

    private final HttpServer server;

    public OperationsServer(String host, int port, IngestMetrics metrics, Supplier<Map<String, Boolean>> readiness)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4", metrics.scrape()));
        server.createContext("/health/live", ex -> respond(ex, 200, "application/json", "{\"status\":\"UP\"}"));
        server.createContext("/health", ex -> {
            Map<String, Boolean> checks = new TreeMap<>(readiness.get());
            boolean up = checks.values().stream().allMatch(Boolean::booleanValue);
            StringBuilder body = new StringBuilder("{\"status\":\"").append(up ? "UP" : "DOWN").append("\",\"checks\":{");
            String sep = "";
            for (Map.Entry<String, Boolean> c : checks.entrySet()) {
                body.append(sep).append('"').append(c.getKey().replace("\"", "'")).append("\":\"")
                        .append(c.getValue() ? "UP" : "DOWN").append('"');
                sep = ",";
            }
            respond(ex, up ? 200 : 503, "application/json", body.append("}}").toString());
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
