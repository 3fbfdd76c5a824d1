package org.ecovalue.jobs.alerts;

import java.util.Objects;

/**
 * A station known to the registry was heard from at {@code tsMillis} (event time).
 *
 * @param sectionId        the station's section, or null
 * @param intervalSeconds  the station's reporting interval from the registry
 */
public record StationHeartbeat(String stationId, String sectionId, long tsMillis, long intervalSeconds) {

    public StationHeartbeat {
        Objects.requireNonNull(stationId, "stationId");
        if (intervalSeconds <= 0) {
            throw new IllegalArgumentException("intervalSeconds must be positive, got " + intervalSeconds);
        }
    }
}
