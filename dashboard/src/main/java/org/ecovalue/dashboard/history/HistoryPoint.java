package org.ecovalue.dashboard.history;

/** One point of a history series: epoch milliseconds and the value. */
public record HistoryPoint(long t, double v) {
}
