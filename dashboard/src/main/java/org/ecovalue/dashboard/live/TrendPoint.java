package org.ecovalue.dashboard.live;

/** One point of a live trend: epoch milliseconds and a value. */
public record TrendPoint(long t, double v) {
}
