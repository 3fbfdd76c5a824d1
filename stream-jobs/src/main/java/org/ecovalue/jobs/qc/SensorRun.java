package org.ecovalue.jobs.qc;

/**
 * The latest value of one sensor and how many consecutive readings have had exactly that value.
 *
 * @param tsMillis event time of the latest reading
 */
public record SensorRun(double value, int repeats, long tsMillis) {

    public SensorRun {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        }
    }

    public SensorRun next(double newValue, long newTsMillis) {
        return new SensorRun(newValue, Double.compare(newValue, value) == 0 ? repeats + 1 : 1, newTsMillis);
    }
}
