package org.ecovalue.dashboard;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The dashboard's Prometheus metrics, in the text exposition format (version 0.0.4) on
 * {@code /metrics}: counters by name and labels, and gauges read when scraped.
 */
public final class DashboardMetrics {

    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();

    /** Adds one to {@code name{labels}}; labels as {@code key="value"} pairs already joined. */
    public void increment(String name, String labels) {
        counters.computeIfAbsent(series(name, labels), k -> new AtomicLong()).incrementAndGet();
    }

    public void add(String name, String labels, long delta) {
        counters.computeIfAbsent(series(name, labels), k -> new AtomicLong()).addAndGet(delta);
    }

    public long count(String name, String labels) {
        AtomicLong c = counters.get(series(name, labels));
        return c == null ? 0 : c.get();
    }

    public void gauge(String name, LongSupplier value) {
        gauges.put(name, value);
    }

    private static String series(String name, String labels) {
        return labels == null || labels.isEmpty() ? name : name + "{" + labels + "}";
    }

    public String exposition() {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(counters).forEach((series, v) -> sb.append(series).append(' ').append(v.get()).append('\n'));
        new TreeMap<>(gauges).forEach((name, v) -> sb.append(name).append(' ').append(v.getAsLong()).append('\n'));
        return sb.toString();
    }
}
