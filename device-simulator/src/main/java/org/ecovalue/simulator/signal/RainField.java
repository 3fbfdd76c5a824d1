package org.ecovalue.simulator.signal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Basin-wide rain: on each local day it rains with a probability that peaks in the summer monsoon;
 * an event starts at a random hour, lasts 2–8 h at 1–15 mm/h. {@link #runoff} is the river's answer:
 * the past 72 h of rain through a linear reservoir with a 12 h time constant, in mm/h-equivalents.
 */
public final class RainField {

    private static final long RAIN = Noise.of("rain");
    private static final int MEMORY_HOURS = 72;
    private static final double RESERVOIR_HOURS = 12;

    private final long seed;
    private final ZoneId zone;
    private final ConcurrentHashMap<Long, Double> runoffByHour = new ConcurrentHashMap<>();

    public RainField(long seed, ZoneId zone) {
        this.seed = seed;
        this.zone = zone;
    }

    /** 0 in mid-January … 1 in mid-July. */
    public static double summerness(Instant t, ZoneId zone) {
        int doy = t.atZone(zone).getDayOfYear();
        return 0.5 - 0.5 * Math.cos(2 * Math.PI * (doy - 15) / 365.0);
    }

    /** Rain rate [mm/h] at {@code t}. */
    public double rateMmPerHour(Instant t) {
        LocalDate day = t.atZone(zone).toLocalDate();
        return Math.max(event(day, t), event(day.minusDays(1), t));
    }

    private double event(LocalDate day, Instant t) {
        long d = day.toEpochDay();
        double chance = 0.12 + 0.3 * summerness(day.atStartOfDay(zone).toInstant(), zone);
        if (Noise.uniform(seed, RAIN, d, 0) >= chance) {
            return 0;
        }
        Instant start = day.atStartOfDay(zone).toInstant().plusSeconds((long) (Noise.uniform(seed, RAIN, d, 1) * 24) * 3600);
        long hours = 2 + (long) (Noise.uniform(seed, RAIN, d, 2) * 7);
        if (t.isBefore(start) || !t.isBefore(start.plusSeconds(hours * 3600))) {
            return 0;
        }
        return 1 + 14 * Noise.uniform(seed, RAIN, d, 3);
    }

    /** Runoff index at {@code t}: 0 in dry weather, a few units after a storm. */
    public double runoff(Instant t) {
        long hour = Math.floorDiv(t.getEpochSecond(), 3600);
        if (runoffByHour.size() > 100_000) {
            runoffByHour.clear(); // a long live run: keep the cache bounded
        }
        return runoffByHour.computeIfAbsent(hour, h -> {
            double sum = 0;
            for (int k = 1; k <= MEMORY_HOURS; k++) {
                sum += rateMmPerHour(Instant.ofEpochSecond((h - k) * 3600 + 1800)) * Math.exp(-k / RESERVOIR_HOURS)
                        / RESERVOIR_HOURS;
            }
            return sum;
        });
    }
}
