package org.ecovalue.jobs.qc;

/**
 * The latest value of one sensor and since when (event time) it has had exactly that value.
 *
 * @param sinceMillis event time of the first reading with this value in an unbroken run
 * @param tsMillis    event time of the latest reading
 */
public record SensorRun(double value, long sinceMillis, long tsMillis) {

    public SensorRun {
        if (sinceMillis > tsMillis) {
            throw new IllegalArgumentException("a run cannot start (" + sinceMillis + ") after its latest reading ("
                    + tsMillis + ")");
        }
    }

    public SensorRun next(double newValue, long newTsMillis) {
        return new SensorRun(newValue, Double.compare(newValue, value) == 0 ? sinceMillis : newTsMillis, newTsMillis);
    }

    public long lengthMillis() {
        return tsMillis - sinceMillis;
    }
}
