package org.ecovalue.schemas.observation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One station, one instant, several readings (DESIGN.md "JSON payload").
 * {@code source}, {@code sourceRef} and {@code ingestedAt} are set by ingest; null before.
 */
public record Observation(
        String station,
        Instant ts,
        Long seq,
        List<Reading> readings,
        String source,
        String sourceRef,
        Long ingestedAt) {

    public Observation {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(ts, "ts");
        readings = List.copyOf(Objects.requireNonNull(readings, "readings"));
    }

    public Observation(String station, Instant ts, Long seq, List<Reading> readings) {
        this(station, ts, seq, readings, null, null, null);
    }

    public Observation withIngest(String newSource, String newSourceRef, long newIngestedAt) {
        return new Observation(station, ts, seq, readings, newSource, newSourceRef, newIngestedAt);
    }

    public Observation withReadings(List<Reading> newReadings) {
        return new Observation(station, ts, seq, newReadings, source, sourceRef, ingestedAt);
    }
}
