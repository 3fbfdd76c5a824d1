package org.ecovalue.jobs.inventory;

import java.util.EnumMap;
import java.util.List;
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
import org.ecovalue.schemas.standards.water.WaterItem;
import org.ecovalue.schemas.standards.water.WaterRule;

/**
 * One unit's outlet water quality in one period so far: per real-time factor the sum and count of valid
 * values (for the means the period's class is assessed on), and how many valid observations were
 * by themselves at or better than class III (GB 3838-2002 Table 1; III is the usual drinking-source
 * and compensation target).
 *
 * @param revision   0 while open, 1 for the first FINAL, +1 per late change after it
 * @param lastLiveMs event time of the latest LIVE figure, {@code Long.MIN_VALUE} if none
 */
public record PeriodQuality(String unitName, UnitKind unitKind, WaterBody waterBody, double[] sums, int[] counts,
                         int validReadings, int goodReadings, double expectedPerDay, String stations,
                         int revision, long lastLiveMs) implements PeriodFigures<PeriodQuality, QualitySample> {

    public PeriodQuality {
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(sums, "sums");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(stations, "stations");
    }

    public static PeriodQuality first(QualitySample s) {
        int n = SurfaceWaterStandard.REALTIME_FACTORS.size();
        return new PeriodQuality(s.unitName(), s.unitKind(), s.waterBody(), new double[n], new int[n], 0, 0,
                s.expectedPerDay(), "", 0, Long.MIN_VALUE);
    }

    public PeriodQuality plus(QualitySample s) {
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
        return new PeriodQuality(s.unitName(), s.unitKind(), s.waterBody(), newSums, newCounts,
                validReadings + (valid ? 1 : 0), goodReadings + (good ? 1 : 0), s.expectedPerDay(),
                String.join(",", ids), revision, lastLiveMs);
    }

    public PeriodQuality finalised() {
        return new PeriodQuality(unitName, unitKind, waterBody, sums, counts, validReadings, goodReadings, expectedPerDay,
                stations, revision + 1, lastLiveMs);
    }

    public PeriodQuality liveAt(long tsMillis) {
        return new PeriodQuality(unitName, unitKind, waterBody, sums, counts, validReadings, goodReadings, expectedPerDay,
                stations, revision, tsMillis);
    }

    /** The class of the period's mean concentrations, if any factor was measured. */
    public Optional<WaterAssessment> classOfMeans() {
        return SurfaceWaterStandard.realtime(means(), waterBody);
    }

    /**
     * The main pollutants of the period's means (REFERENCE.md §1.3: only when worse than class III; not
     * pH or DO; at most three, largest exceedance multiple first), as parameter codes.
     */
    public List<String> mainPollutants() {
        Map<WaterItem, Double> items = new EnumMap<>(WaterItem.class);
        means().forEach((p, v) -> WaterItem.of(p).ifPresent(item -> items.put(item, v)));
        return SurfaceWaterStandard.evaluate(WaterRule.REALTIME, items, waterBody)
                .map(e -> e.mainPollutants().stream().map(m -> m.item().code()).toList()).orElse(List.of());
    }

    private Map<Parameter, Double> means() {
        Map<Parameter, Double> means = new EnumMap<>(Parameter.class);
        for (int i = 0; i < sums.length; i++) {
            if (counts[i] > 0) {
                means.put(SurfaceWaterStandard.REALTIME_FACTORS.get(i), sums[i] / counts[i]);
            }
        }
        return means;
    }

    /** Share (0..1) of valid observations at or better than class III. */
    public double shareAtOrBetterThanIII() {
        return validReadings == 0 ? 0 : (double) goodReadings / validReadings;
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
