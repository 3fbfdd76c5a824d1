package org.ecovalue.jobs.inventory;

import java.util.Objects;
import java.util.TreeSet;
import org.ecovalue.schemas.registry.UnitKind;

/**
 * What one unit's outlet sections passed on one day so far.
 *
 * @param validReadings  flow readings that passed quality control
 * @param expectedPerDay readings a complete day brings (from the registry at the latest sample)
 * @param stations       comma-separated, sorted ids of the stations that contributed
 * @param revision       0 while the day is open; 1 for the first FINAL figure, +1 for each late change after it
 * @param lastLiveMs     event time of the latest LIVE figure emitted (rate limit), {@code Long.MIN_VALUE} if none
 */
public record DayVolume(String unitName, UnitKind unitKind, double volumeM3, int validReadings,
                        double expectedPerDay, String stations, int revision, long lastLiveMs) implements DayFigures<DayVolume, FlowSample> {

    public DayVolume {
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(unitKind, "unitKind");
        Objects.requireNonNull(stations, "stations");
    }

    public static DayVolume first(FlowSample s) {
        return new DayVolume(s.unitName(), s.unitKind(), 0, 0, s.expectedPerDay(), "", 0, Long.MIN_VALUE);
    }

    public DayVolume plus(FlowSample s) {
        TreeSet<String> ids = stationSet();
        ids.add(s.stationId());
        return new DayVolume(s.unitName(), s.unitKind(),
                volumeM3 + (s.counts() ? s.volumeM3() : 0), validReadings + (s.counts() ? 1 : 0),
                s.expectedPerDay(), String.join(",", ids), revision, lastLiveMs);
    }

    public DayVolume finalised() {
        return new DayVolume(unitName, unitKind, volumeM3, validReadings, expectedPerDay, stations, revision + 1,
                lastLiveMs);
    }

    public DayVolume liveAt(long tsMillis) {
        return new DayVolume(unitName, unitKind, volumeM3, validReadings, expectedPerDay, stations, revision, tsMillis);
    }

    /** Share of the expected readings that arrived and passed quality control, at most 1. */
    public double completeness() {
        return Math.min(1.0, validReadings / expectedPerDay);
    }

    public TreeSet<String> stationSet() {
        TreeSet<String> ids = new TreeSet<>();
        for (String id : stations.split(",")) {
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }
}
