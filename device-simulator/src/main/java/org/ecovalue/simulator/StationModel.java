package org.ecovalue.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The values one simulated station reports, step after step. Deterministic: the n-th step of a
 * station depends only on the seed, the station id and n (never on wall-clock time).
 */
public final class StationModel {

    /** One step's values, in the order of the station's parameters. */
    public record Sample(long seq, List<Double> values) {
    }

    /** How strongly the random walk is pulled back each step (keeps values near their profile). */
    private static final double REVERSION = 0.05;

    private final StationProfile station;
    private final SplittableRandom random;
    private final double[] drift;
    private final double[] phase;
    private long step;

    public StationModel(StationProfile station, long seed) {
        this.station = station;
        this.random = new SplittableRandom(seed ^ (long) station.id().hashCode() * 0x9E3779B97F4A7C15L);
        int n = station.parameters().size();
        this.drift = new double[n];
        this.phase = new double[n];
        for (int i = 0; i < n; i++) {
            phase[i] = random.nextDouble() * 2 * Math.PI;
        }
    }

    public StationProfile station() {
        return station;
    }

    public Sample next() {
        List<Double> values = new ArrayList<>(drift.length);
        for (int i = 0; i < drift.length; i++) {
            ParameterProfile p = station.parameters().get(i);
            drift[i] = drift[i] * (1 - REVERSION) + gaussian() * p.walk();
            double v = p.mean() + p.swing() * Math.sin(2 * Math.PI * step / p.periodSteps() + phase[i]) + drift[i];
            v = Math.max(p.min(), Math.min(p.max(), v));
            double scale = Math.pow(10, p.decimals());
            values.add(Math.round(v * scale) / scale);
        }
        return new Sample(step++, values);
    }

    /** Box–Muller on the model's own generator, so that the sequence is reproducible. */
    private double gaussian() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
