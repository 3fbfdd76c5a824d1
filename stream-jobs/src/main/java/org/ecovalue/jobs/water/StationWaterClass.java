package org.ecovalue.jobs.water;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The GB 3838-2002 real-time class of one station as of its latest observation
 * (the value of {@code eco.station-class}).
 *
 * @param station    station id (HJ 212 MN)
 * @param ts         event time of the observation that decided the class
 * @param waterClass class label, "I" … "V" or "劣V"
 * @param limiting   parameter codes that decided the class (the worst factors)
 * @param standard   the standard that produced the class
 */
public record StationWaterClass(String station, Instant ts, String waterClass, List<String> limiting, String standard) {

    public StationWaterClass {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(waterClass, "waterClass");
        limiting = List.copyOf(limiting);
        Objects.requireNonNull(standard, "standard");
    }

    /** True when a terminal or dashboard would show something different for the station. */
    public boolean differsInClassFrom(StationWaterClass other) {
        return other == null || !waterClass.equals(other.waterClass) || !limiting.equals(other.limiting);
    }
}
