package org.ecovalue.ingest.operations;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * Counters per source and per station, in the Prometheus text format (exposition format 0.0.4).
 * Hand-written because four counter families and two gauges do not justify a client library.
 * Label values are station ids, source names and reject reason codes: bounded by the registry.
 */
public final class IngestMetrics {

    private record Key(String family, String labels) {
    }

    private final Clock clock;
    private final Map<Key, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastSeenMs = new ConcurrentHashMap<>();
    private volatile IntSupplier queueDepth = () -> 0;

    public IngestMetrics(Clock clock) {
        this.clock = clock;
    }

    public void queueDepth(IntSupplier depth) {
        this.queueDepth = depth;
    }

    public void received(String source, String station) {
        inc("ecovalue_ingest_received_total", "source", source, "station", station);
        lastSeenMs.computeIfAbsent(station, s -> new AtomicLong()).set(clock.millis());
    }

    public void published(String source, String station) {
        inc("ecovalue_ingest_published_total", "source", source, "station", station);
    }

    public void rejected(String source, String station, String reason) {
        inc("ecovalue_ingest_rejected_total", "source", source, "station", station, "reason", reason);
    }

    public void deadLettered(String source) {
        inc("ecovalue_ingest_dlq_total", "source", source);
    }

    public void skipped(String source, String what) {
        inc("ecovalue_ingest_skipped_total", "source", source, "what", what);
    }

    /** A connection attempt to an OPC UA endpoint failed; reason as in {@code ConnectFailure}. */
    public void opcuaConnectFailed(String endpoint, String reason) {
        inc("ecovalue_ingest_opcua_connect_failures_total", "endpoint", endpoint, "reason", reason);
    }

    /** A record of {@code eco.registry} that could not be applied (reason {@code bad-registry-item}). */
    public void registryRejected(String reason) {
        inc("ecovalue_ingest_registry_rejected_total", "reason", reason);
    }

    public void unknownStationAccepted(String station) {
        inc("ecovalue_ingest_unknown_station_accepted_total", "station", station);
    }

    /** Value of one counter (0 if never incremented); labels as name, value pairs. */
    public long count(String family, String... labels) {
        AtomicLong c = counters.get(new Key(family, labels(labels)));
        return c == null ? 0 : c.get();
    }

    /** Sum of a counter family over all label values. */
    public long total(String family) {
        return counters.entrySet().stream().filter(e -> e.getKey().family().equals(family))
                .mapToLong(e -> e.getValue().get()).sum();
    }

    private void inc(String family, String... labels) {
        counters.computeIfAbsent(new Key(family, labels(labels)), k -> new AtomicLong()).incrementAndGet();
    }

    private static String labels(String... nameValue) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < nameValue.length; i += 2) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(nameValue[i]).append("=\"").append(escape(nameValue[i + 1])).append('"');
        }
        return b.toString();
    }

    private static String escape(String v) {
        return v == null ? "" : v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** The exposition text for {@code GET /metrics}. */
    public String scrape() {
        StringBuilder out = new StringBuilder();
        Map<String, Map<String, Long>> byFamily = new TreeMap<>();
        counters.forEach((k, v) -> byFamily.computeIfAbsent(k.family(), f -> new TreeMap<>()).put(k.labels(), v.get()));
        byFamily.forEach((family, series) -> {
            out.append("# TYPE ").append(family).append(" counter\n");
            series.forEach((labels, v) -> out.append(family).append('{').append(labels).append("} ").append(v).append('\n'));
        });
        out.append("# TYPE ecovalue_ingest_queue_depth gauge\n");
        out.append("ecovalue_ingest_queue_depth ").append(queueDepth.getAsInt()).append('\n');
        out.append("# TYPE ecovalue_ingest_last_seen_age_seconds gauge\n");
        long now = clock.millis();
        new TreeMap<>(lastSeenMs).forEach((station, at) -> out.append("ecovalue_ingest_last_seen_age_seconds{station=\"")
                .append(escape(station)).append("\"} ").append((now - at.get()) / 1000.0).append('\n'));
        return out.toString();
    }
}
