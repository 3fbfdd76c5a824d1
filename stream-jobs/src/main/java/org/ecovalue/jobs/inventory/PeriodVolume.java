package org.ecovalue.jobs.inventory;

import java.util.Objects;
import java.util.TreeSet;
import org.ecovalue.schemas.registry.UnitKind;

/**
 * What one unit's outlet sections passed in one period (hour, day, month) so far.
 *
 * @param validReadings  flow readings that passed quality control
 * @param expectedPerDay readings a complete day brings (from the registry at the latest sample)
 * @param stations       comma-separated, sorted ids of the stations that contributed
 * @param revision       0 while the period is open; 1 for the first FINAL figure, +1 for each late change after it
 * @param lastLiveMs     event time of the latest LIVE figure emitted (rate limit), {@code Long.MIN_VALUE} if none
 */
public record PeriodVolume(String unitName, UnitKind unitKind, double volumeM3, int validReadings,
                        double expectedPerDay, String stations, int revision, long lastLiveMs) implements PeriodFigures<PeriodVolume, FlowSample> {

    public PeriodVolume {
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(unitKind, "unitKind");
        Objects.requireNonNull(stations, "stations");
    }

    public static PeriodVolume first(FlowSample s) {
        return new PeriodVolume(s.unitName(), s.unitKind(), 0, 0, s.expectedPerDay(), "", 0, Long.MIN_VALUE);
    }

    public PeriodVolume plus(FlowSample s) {
        TreeSet<String> ids = stationSet();
        ids.add(s.stationId());
        return new PeriodVolume(s.unitName(), s.unitKind(),
                volumeM3 + (s.counts() ? s.volumeM3() : 0), validReadings + (s.counts() ? 1 : 0),
                s.expectedPerDay(), String.join(",", ids), revision, lastLiveMs);
    }

    public PeriodVolume finalised() {
        return new PeriodVolume(unitName, unitKind, volumeM3, validReadings, expectedPerDay, stations, revision + 1,
                lastLiveMs);
    }

    public PeriodVolume liveAt(long tsMillis) {
        return new PeriodVolume(unitName, unitKind, volumeM3, validReadings, expectedPerDay, stations, revision, tsMillis);
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
