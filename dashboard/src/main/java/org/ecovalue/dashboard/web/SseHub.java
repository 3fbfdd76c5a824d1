package org.ecovalue.dashboard.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.ecovalue.dashboard.DashboardMetrics;
import org.ecovalue.dashboard.live.Update;
import org.ecovalue.schemas.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-Sent Events to every connected browser: updates are collected, collapsed per thing (the
 * latest view of a section wins) and pushed as one {@code update} event every push interval, so
 * thousands of sections changing cost one message per browser per interval, serialized once.
 * A browser whose connection fails is dropped; it reconnects by itself (EventSource) and gets a
 * fresh snapshot.
 */
public final class SseHub implements Consumer<Update>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SseHub.class);
    /** Proxies close idle connections; a comment line keeps the stream open (WHATWG HTML §9.2.7). */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    /** One browser's stream. */
    public record Client(String remote, OutputStream out) {
    }

    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final Map<String, Update> pending = new LinkedHashMap<>();
    private final ScheduledExecutorService pusher;
    private final DashboardMetrics metrics;

    public SseHub(Duration pushInterval, DashboardMetrics metrics) {
        this.metrics = metrics;
        this.pusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dashboard-sse-push");
            t.setDaemon(true);
            return t;
        });
        pusher.scheduleAtFixedRate(this::push, pushInterval.toMillis(), pushInterval.toMillis(), TimeUnit.MILLISECONDS);
        pusher.scheduleAtFixedRate(this::keepAlive, KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
        metrics.gauge("ecovalue_dashboard_sse_clients", clients::size);
    }

    @Override
    public void accept(Update update) {
        synchronized (pending) {
            pending.remove(update.id()); // keep arrival order of the latest views
            pending.put(update.id(), update);
        }
    }

    /** Registers a browser after sending it the snapshot; from now on it gets every batch. */
    public void join(Client client, Object snapshot) throws IOException {
        send(client, "snapshot", Json.mapper().writeValueAsBytes(snapshot));
        clients.add(client);
        LOG.info("event=sse-client-joined remote={} clients={}", client.remote(), clients.size());
    }

    public int clientCount() {
        return clients.size();
    }

    void push() {
        List<Update> batch;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            batch = new ArrayList<>(pending.values());
            pending.clear();
        }
        byte[] json;
        try {
            json = Json.mapper().writeValueAsBytes(batch);
        } catch (JsonProcessingException e) {
            LOG.error("event=sse-batch-unserializable updates={} error=\"{}\"", batch.size(), e.toString());
            return;
        }
        for (Client c : clients) {
            if (sendOrDrop(c, "update", json)) {
                metrics.add("ecovalue_dashboard_sse_updates_pushed_total", "", batch.size());
            }
        }
        metrics.increment("ecovalue_dashboard_sse_batches_total", "");
    }

    private void keepAlive() {
        for (Client c : clients) {
            try {
                synchronized (c) {
                    c.out().write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                    c.out().flush();
                }
            } catch (IOException e) {
                drop(c, e);
            }
        }
    }

    private boolean sendOrDrop(Client c, String event, byte[] json) {
        try {
            send(c, event, json);
            return true;
        } catch (IOException e) {
            drop(c, e);
            return false;
        }
    }

    private static void send(Client c, String event, byte[] json) throws IOException {
        synchronized (c) {
            // JSON has no raw newline, so one data line carries the whole batch
            c.out().write(("event: " + event + "\ndata: ").getBytes(StandardCharsets.UTF_8));
            c.out().write(json);
            c.out().write("\n\n".getBytes(StandardCharsets.UTF_8));
            c.out().flush();
        }
    }

    private void drop(Client c, IOException e) {
        if (clients.remove(c)) {
            LOG.info("event=sse-client-left remote={} reason=\"{}\" clients={}", c.remote(), e.getMessage(), clients.size());
            try {
                c.out().close();
            } catch (IOException ignored) {
                // already broken
            }
        }
    }

    @Override
    public void close() {
        pusher.shutdownNow();
        for (Client c : clients) {
            try {
                c.out().close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        clients.clear();
    }
}
