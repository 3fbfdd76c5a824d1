package org.ecovalue.dashboard.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>Each browser is written to by its own writer task with its own queue of frames, so a browser that
 * stops reading (a stuck tab, a dead network path) delays nobody else; once it is {@link #MAX_BACKLOG}
 * frames behind it is dropped ({@code ecovalue_dashboard_sse_slow_clients_dropped_total}) and will
 * catch up with a fresh snapshot when it reconnects.
 */
public final class SseHub implements Consumer<Update>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SseHub.class);
    /** Proxies close idle connections; a comment line keeps the stream open (WHATWG HTML §9.2.7). */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    /** Frames a browser may be behind before it is dropped (at the default 250 ms push: 16 s). */
    static final int MAX_BACKLOG = 64;

    /** One browser's stream. */
    public record Client(String remote, OutputStream out) {
    }

    /** A browser's frames not yet written; {@code writing} while a writer task drains them. */
    private static final class Outbox {
        final Queue<byte[]> frames = new ArrayDeque<>();
        boolean writing;
    }

    private final Map<Client, Outbox> clients = new ConcurrentHashMap<>();
    private final AtomicInteger clientCount = new AtomicInteger();
    private final Map<String, Update> pending = new LinkedHashMap<>();
    private final ScheduledExecutorService pusher;
    private final ExecutorService writers;
    private final DashboardMetrics metrics;

    public SseHub(Duration pushInterval, DashboardMetrics metrics) {
        this.metrics = metrics;
        this.pusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dashboard-sse-push");
            t.setDaemon(true);
            return t;
        });
        // threads only while a browser has frames to write; a stuck browser holds one, nobody else's
        AtomicInteger writerNo = new AtomicInteger();
        this.writers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dashboard-sse-write-" + writerNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pusher.scheduleAtFixedRate(this::push, pushInterval.toMillis(), pushInterval.toMillis(), TimeUnit.MILLISECONDS);
        pusher.scheduleAtFixedRate(this::keepAlive, KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
        metrics.gauge("ecovalue_dashboard_sse_clients", clientCount::get);
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
        write(client, frame("snapshot", Json.mapper().writeValueAsBytes(snapshot)));
        clients.put(client, new Outbox());
        LOG.info("event=sse-client-joined remote={} clients={}", client.remote(), clientCount.incrementAndGet());
    }

    public int clientCount() {
        return clientCount.get();
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
        byte[] frame = frame("update", json);
        for (Client c : clients.keySet()) {
            if (enqueue(c, frame)) {
                metrics.add("ecovalue_dashboard_sse_updates_pushed_total", "", batch.size());
            }
        }
        metrics.increment("ecovalue_dashboard_sse_batches_total", "");
    }

    private void keepAlive() {
        byte[] comment = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);
        for (Client c : clients.keySet()) {
            enqueue(c, comment);
        }
    }

    /** Queues a frame for a browser and starts its writer if idle; false when the browser is gone or was too slow. */
    private boolean enqueue(Client c, byte[] frame) {
        Outbox box = clients.get(c);
        if (box == null) {
            return false;
        }
        boolean start = false;
        boolean tooSlow = false;
        synchronized (box) {
            if (box.frames.size() >= MAX_BACKLOG) {
                tooSlow = true;
            } else {
                box.frames.add(frame);
                start = !box.writing;
                box.writing = true;
            }
        }
        if (tooSlow) {
            metrics.increment("ecovalue_dashboard_sse_slow_clients_dropped_total", "");
            drop(c, "too-slow: " + MAX_BACKLOG + " frames behind");
            return false;
        }
        if (start) {
            writers.execute(() -> drain(c, box));
        }
        return true;
    }

    /** Writes a browser's frames until its queue is empty; on a write error drops it. */
    private void drain(Client c, Outbox box) {
        while (true) {
            byte[] frame;
            synchronized (box) {
                frame = box.frames.poll();
                if (frame == null) {
                    box.writing = false;
                    return;
                }
            }
            try {
                write(c, frame);
            } catch (IOException e) {
                drop(c, e.getMessage());
                return;
            }
        }
    }

    /** JSON has no raw newline, so one data line carries the whole batch. */
    private static byte[] frame(String event, byte[] json) {
        byte[] head = ("event: " + event + "\ndata: ").getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[head.length + json.length + 2];
        System.arraycopy(head, 0, frame, 0, head.length);
        System.arraycopy(json, 0, frame, head.length, json.length);
        frame[frame.length - 2] = '\n';
        frame[frame.length - 1] = '\n';
        return frame;
    }

    private static void write(Client c, byte[] frame) throws IOException {
        c.out().write(frame);
        c.out().flush();
    }

    private void drop(Client c, String reason) {
        if (clients.remove(c) != null) {
            LOG.info("event=sse-client-left remote={} reason=\"{}\" clients={}", c.remote(), reason,
                    clientCount.decrementAndGet());
            // closing may block on a stuck connection as writing does: never on the pusher's thread
            writers.execute(() -> {
                try {
                    c.out().close();
                } catch (IOException ignored) {
                    // already broken
                }
            });
        }
    }

    @Override
    public void close() {
        pusher.shutdownNow();
        writers.shutdownNow();
        for (Client c : clients.keySet()) {
            try {
                c.out().close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        clients.clear();
        clientCount.set(0);
    }
}
