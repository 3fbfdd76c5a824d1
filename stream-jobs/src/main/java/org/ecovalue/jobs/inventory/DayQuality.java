package org.ecovalue.jobs.inventory;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.registry.UnitKind;
import org.ecovalue.schemas.standards.water.SurfaceWaterStandard;
import org.ecovalue.schemas.standards.water.WaterAssessment;
import org.ecovalue.schemas.standards.water.WaterBody;
import org.ecovalue.schemas.standards.water.WaterClass;

/**
 * One unit's outlet water quality on one day so far: per real-time factor the sum and count of valid
 * values (for the daily means the day's class is assessed on), and how many valid observations were
 * by themselves at or better than class III (GB 3838-2002 Table 1; III is the usual drinking-source
 * and compensation target).
 *
 * @param revision   0 while open, 1 for the first FINAL, +1 per late change after it
 * @param lastLiveMs event time of the latest LIVE figure, {@code Long.MIN_VALUE} if none
 */
public record DayQuality(String unitName, UnitKind unitKind, WaterBody waterBody, double[] sums, int[] counts,
                         int validReadings, int goodReadings, double expectedPerDay, String stations,
                         int revision, long lastLiveMs) implements DayFigures<DayQuality, QualitySample> {

    public DayQuality {
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(sums, "sums");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(stations, "stations");
    }

    public static DayQuality first(QualitySample s) {
        int n = SurfaceWaterStandard.REALTIME_FACTORS.size();
        return new DayQuality(s.unitName(), s.unitKind(), s.waterBody(), new double[n], new int[n], 0, 0,
                s.expectedPerDay(), "", 0, Long.MIN_VALUE);
    }

    public DayQuality plus(QualitySample s) {
        double[] newSums = sums.clone();
        int[] newCounts = counts.clone();
        Map<Parameter, Double> values = new EnumMap<>(Parameter.class);
        for (int i = 0; i < newSums.length; i++) {
            double v = s.realtimeFactors()[i];
            if (!Double.isNaN(v)) {
                newSums[i] += v;
                newCounts[i]++;
                values.put(SurfaceWaterStandard.REALTIME_FACTORS.get(i), v);
            }
        }
        boolean valid = !values.isEmpty();
        boolean good = valid && SurfaceWaterStandard.realtime(values, s.waterBody())
                .map(a -> a.waterClass().compareTo(WaterClass.III) <= 0).orElse(false);
        TreeSet<String> ids = stationSet();
        ids.add(s.stationId());
        return new DayQuality(s.unitName(), s.unitKind(), s.waterBody(), newSums, newCounts,
                validReadings + (valid ? 1 : 0), goodReadings + (good ? 1 : 0), s.expectedPerDay(),
                String.join(",", ids), revision, lastLiveMs);
    }

    public DayQuality finalised() {
        return new DayQuality(unitName, unitKind, waterBody, sums, counts, validReadings, goodReadings, expectedPerDay,
                stations, revision + 1, lastLiveMs);
    }

    public DayQuality liveAt(long tsMillis) {
        return new DayQuality(unitName, unitKind, waterBody, sums, counts, validReadings, goodReadings, expectedPerDay,
                stations, revision, tsMillis);
    }

    /** The class of the day's mean concentrations, if any factor was measured. */
    public Optional<WaterAssessment> classOfMeans() {
        Map<Parameter, Double> means = new EnumMap<>(Parameter.class);
        for (int i = 0; i < sums.length; i++) {
            if (counts[i] > 0) {
                means.put(SurfaceWaterStandard.REALTIME_FACTORS.get(i), sums[i] / counts[i]);
            }
        }
        return SurfaceWaterStandard.realtime(means, waterBody);
    }

    /** Share (0..1) of valid observations at or better than class III. */
    public double shareAtOrBetterThanIII() {
        return validReadings == 0 ? 0 : (double) goodReadings / validReadings;
    }

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
