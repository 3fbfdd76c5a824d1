package org.ecovalue.simulator;

import java.util.Objects;

/**
 * How one parameter of a simulated station behaves: a daily-like swing around a mean plus a slow,
 * mean-reverting random walk, clamped to a plausible range and rounded like an analyser reports.
 *
 * @param param        canonical parameter code
 * @param unit         unit as the station sends it
 * @param mean         long-run level
 * @param swing        amplitude of the periodic swing
 * @param periodSteps  length of one swing, in publishing steps
 * @param walk         standard deviation of one random-walk step
 * @param min          lowest value the analyser reports
 * @param max          highest value the analyser reports
 * @param decimals     digits after the decimal point
 */
public record ParameterProfile(String param, String unit, double mean, double swing, double periodSteps,
                               double walk, double min, double max, int decimals) {

    public ParameterProfile {
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(unit, "unit");
        if (!(min <= mean && mean <= max) || periodSteps <= 0 || walk < 0 || decimals < 0) {
            throw new IllegalArgumentException("implausible profile for " + param);
        }
    }
}
