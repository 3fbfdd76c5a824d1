package org.ecovalue.simulator.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One fault of a scenario: what, on which stations, from when and for how long (simulated time).
 *
 * @param param     only this parameter (value faults); null = all
 * @param magnitude the fault's size, meaning per {@link FaultType}; null = its default
 * @param claims    for {@link FaultType#CLAIMS_ID}: the station id the payload claims
 */
public record FaultSpec(FaultType type, List<String> stations, Instant start, Duration duration, String param,
                        Double magnitude, String claims) {

    public FaultSpec {
        Objects.requireNonNull(type, "type");
        stations = stations == null ? List.of() : List.copyOf(stations);
        Objects.requireNonNull(start, "start of " + type.code());
        Objects.requireNonNull(duration, "duration of " + type.code());
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(type.code() + ": duration must be positive, got " + duration);
        }
        if (!type.global() && stations.isEmpty()) {
            throw new IllegalArgumentException(type.code() + ": name the stations it affects");
        }
        if (type == FaultType.CLAIMS_ID && (claims == null || claims.isBlank())) {
            throw new IllegalArgumentException("claims-id: name the station id the payload claims ('claims')");
        }
    }

    public Instant end() {
        return start.plus(duration);
    }

    /** Whether an event at {@code t} of {@code station} (null: any) falls in the fault. */
    public boolean covers(String station, Instant t) {
        return !t.isBefore(start) && t.isBefore(end()) && (type.global() || stations.contains(station));
    }

    public double magnitudeOr(double fallback) {
        return magnitude == null ? fallback : magnitude;
    }
}
