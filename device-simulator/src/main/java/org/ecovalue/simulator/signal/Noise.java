package org.ecovalue.simulator.signal;

/**
 * Stateless deterministic noise: a value depends only on the seed and its coordinates, never on the
 * order values are asked for (so a station, a replayed hour and a parallel run agree). SplitMix64
 * finaliser as the hash.
 */
public final class Noise {

    private Noise() {
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static long hash(long seed, long a, long b, long c) {
        return mix(mix(mix(seed ^ 0x9E3779B97F4A7C15L) + a) * 31 + b) * 31 + c;
    }

    /** Uniform in [0, 1). */
    public static double uniform(long seed, long a, long b, long c) {
        return (mix(hash(seed, a, b, c)) >>> 11) * 0x1.0p-53;
    }

    /** Standard normal (Box–Muller on two hashed uniforms). */
    public static double gaussian(long seed, long a, long b, long c) {
        double u1 = 1.0 - uniform(seed, a, b, c);
        double u2 = uniform(seed, a, b, ~c);
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** A smooth standard-normal-ish wander: gaussian knots every {@code knotSeconds}, linearly interpolated. */
    public static double smooth(long seed, long a, long b, long epochSecond, long knotSeconds) {
        long k = Math.floorDiv(epochSecond, knotSeconds);
        double f = (double) (epochSecond - k * knotSeconds) / knotSeconds;
        return gaussian(seed, a, b, k) * (1 - f) + gaussian(seed, a, b, k + 1) * f;
    }

    public static long of(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return mix(h);
    }
}
