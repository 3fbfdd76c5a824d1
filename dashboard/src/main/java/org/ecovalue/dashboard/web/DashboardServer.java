package org.ecovalue.dashboard.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.ecovalue.dashboard.DashboardMetrics;
import org.ecovalue.dashboard.history.History;
import org.ecovalue.dashboard.live.LiveView;
import org.ecovalue.schemas.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API of DESIGN.md ("Dashboard HTTP API"), {@code /api/events} (SSE), {@code /health},
 * {@code /metrics} and the pages, on the JDK's HTTP server. Read-only: every route is a GET.
 */
public final class DashboardServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);

    private final HttpServer server;
    private final ExecutorService workers;
    private final LiveView view;
    private final SseHub hub;
    private final History history;
    private final DashboardMetrics metrics;
    private final BooleanSupplier ready;
    private final StaticFiles files = new StaticFiles();

    public DashboardServer(String host, int port, LiveView view, SseHub hub, History history,
            DashboardMetrics metrics, BooleanSupplier ready) throws IOException {
        this.view = view;
        this.hub = hub;
        this.history = history;
        this.metrics = metrics;
        this.ready = ready;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 128);
        this.workers = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "dashboard-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
    }

    public DashboardServer start() {
        server.start();
        LOG.info("event=http-started url={}", url());
        return this;
    }

    public String url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        return "http://" + host + ":" + a.getPort() + "/";
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        try {
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                text(ex, 405, "only GET\n");
                return;
            }
            metrics.increment("ecovalue_dashboard_http_requests_total", "path=\"" + (path.startsWith("/api/") ? path : "static") + "\"");
            switch (path) {
                case "/api/events" -> events(ex);
                case "/api/sections" -> json(ex, view.sections());
                case "/api/agreements" -> json(ex, view.agreements());
                case "/api/compensation" -> json(ex, view.compensation(q.get("agreement"), q.get("period")));
                case "/api/inventory" -> json(ex, view.inventory(q.get("unit"), q.get("product")));
                case "/api/alerts" -> json(ex, view.alerts());
                case "/api/registry" -> json(ex, RegistryView.of(view.registry()));
                case "/api/history/compensation" -> json(ex, history.compensation(q.get("agreement"), hours(q)));
                case "/api/history/inventory" -> json(ex, history.inventory(q.get("unit"), q.get("product"), hours(q)));
                case "/api/history/reading" -> json(ex, history.reading(q.get("section"), q.get("param"), hours(q)));
                case "/health" -> health(ex);
                case "/metrics" -> text(ex, 200, metrics.exposition());
                default -> files.find(path).ifPresentOrElse(f -> send(ex, 200, f.contentType(), f.body()),
                        () -> send(ex, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IllegalArgumentException e) {
            text(ex, 400, e.getMessage() + "\n");
        } catch (RuntimeException e) {
            LOG.warn("event=http-error path={} error=\"{}\"", path, e.toString());
            text(ex, 500, "internal error\n");
        }
    }

    private static int hours(Map<String, String> q) {
        String h = q.getOrDefault("hours", "24");
        try {
            int n = Integer.parseInt(h);
            if (n < 1 || n > 24 * 400) {
                throw new IllegalArgumentException("hours must be 1.." + 24 * 400 + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hours is not a whole number: " + h);
        }
    }

    /** The stream stays open after this returns; {@link SseHub} writes to it and closes it. */
    private void events(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.getResponseHeaders().set("X-Accel-Buffering", "no"); // nginx: do not buffer the stream
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        out.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("sections", view.sections());
        snapshot.put("agreements", view.agreements());
        snapshot.put("inventory", view.inventory(null, null));
        snapshot.put("alerts", view.alerts());
        hub.join(new SseHub.Client(String.valueOf(ex.getRemoteAddress()), out), snapshot);
    }

    private void health(HttpExchange ex) throws IOException {
        boolean up = ready.getAsBoolean();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "STARTING");
        body.put("sseClients", hub.clientCount());
        body.put("history", history.describe());
        send(ex, up ? 200 : 503, "application/json", Json.mapper().writeValueAsBytes(body));
    }

    private static void json(HttpExchange ex, Object body) throws IOException {
        send(ex, 200, "application/json", Json.mapper().writeValueAsBytes(body));
    }

    private static void text(HttpExchange ex, int status, String body) {
        send(ex, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) {
        try (ex) {
            ex.getResponseHeaders().set("Content-Type", type);
            boolean head = "HEAD".equals(ex.getRequestMethod());
            ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) {
                ex.getResponseBody().write(body);
            }
        } catch (IOException e) {
            LOG.debug("event=http-client-gone error=\"{}\"", e.toString());
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String v = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (!v.isEmpty()) {
                    q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), v);
                }
            }
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
