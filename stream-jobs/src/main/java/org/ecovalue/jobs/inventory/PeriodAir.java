package org.ecovalue.jobs.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.registry.UnitKind;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.standards.air.AirQualityIndex;
import org.ecovalue.schemas.standards.air.AirQualityReport;
import org.ecovalue.schemas.standards.air.AqiCategory;
import org.ecovalue.schemas.standards.air.AqiIndicator;

/**
 * One unit's air in one period so far: per clock hour (slot = hours since the period's start) and AQI
 * pollutant the sum and count of valid values, so that each hour's AQI is that of the hour's mean
 * concentrations, scored by {@link AirQualityIndex#hourly} with the HJ 633 version in force at the
 * hour (REFERENCE.md §8.1); negative air ions as the period's mean where measured.
 *
 * @param startMs    the period's first instant, epoch ms; slot k holds the clock hour that starts k hours later
 * @param revision   0 while open, 1 for the first FINAL, +1 per late change after it
 * @param lastLiveMs event time of the latest LIVE figure, {@code Long.MIN_VALUE} if none
 */
public record PeriodAir(String unitName, UnitKind unitKind, long startMs, double[] sums, int[] counts,
                     double negativeIonSum, int negativeIonCount, int validReadings, double expectedPerDay,
                     String stations, int revision, long lastLiveMs) implements PeriodFigures<PeriodAir, AirSample> {

    private static final long HOUR_MS = 3_600_000L;
    /** AQI ≤ 100 (优 or 良): the hour meets GB 3095-2012 class 2 (REFERENCE.md §2.5). */
    static final int GOOD_AT_MOST = 100;

    public PeriodAir {
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(unitKind, "unitKind");
        Objects.requireNonNull(sums, "sums");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(stations, "stations");
    }

    /** One slot per clock hour of the period (an hour has one, a day 24 — 25 on a daylight-saving autumn day). */
    public static PeriodAir empty(AirSample s, InventoryPeriod period) {
        long startMs = period.startMs();
        int slots = (int) Math.max(1, (period.endMs() - startMs + HOUR_MS - 1) / HOUR_MS);
        int n = slots * AirSample.POLLUTANTS.size();
        return new PeriodAir(s.unitName(), s.unitKind(), startMs, new double[n], new int[n], 0, 0, 0,
                s.expectedPerDay(), "", 0, Long.MIN_VALUE);
    }

    @Override
    public PeriodAir plus(AirSample s) {
        int slot = (int) Math.max(0, Math.min(slots() - 1, (s.tsMillis() - startMs) / HOUR_MS));
        int f = AirSample.POLLUTANTS.size();
        double[] newSums = sums.clone();
        int[] newCounts = counts.clone();
        for (int i = 0; i < f; i++) {
            double v = s.pollutants()[i];
            if (!Double.isNaN(v)) {
                newSums[slot * f + i] += v;
                newCounts[slot * f + i]++;
            }
        }
        boolean ions = !Double.isNaN(s.negativeIons());
        TreeSet<String> ids = Stations.parse(stations);
        ids.add(s.stationId());
        return new PeriodAir(s.unitName(), s.unitKind(), startMs, newSums, newCounts,
                negativeIonSum + (ions ? s.negativeIons() : 0), negativeIonCount + (ions ? 1 : 0),
                validReadings + (s.hasAnyPollutant() ? 1 : 0), s.expectedPerDay(), String.join(",", ids), revision,
                lastLiveMs);
    }

    private int slots() {
        return sums.length / AirSample.POLLUTANTS.size();
    }

    @Override
    public PeriodAir finalised() {
        return new PeriodAir(unitName, unitKind, startMs, sums, counts, negativeIonSum, negativeIonCount,
                validReadings, expectedPerDay, stations, revision + 1, lastLiveMs);
    }

    @Override
    public PeriodAir liveAt(long tsMillis) {
        return new PeriodAir(unitName, unitKind, startMs, sums, counts, negativeIonSum, negativeIonCount,
                validReadings, expectedPerDay, stations, revision, tsMillis);
    }

    /**
     * The AQI of every hour with data. An hour whose means cannot be scored (HJ 633-2012: SO2 1h above
     * 800 µg/m³ with no 24-hour mean to report instead) is left out: it is not a rated hour.
     */
    public List<AirQualityReport> hourlyReports() {
        int f = AirSample.POLLUTANTS.size();
        List<AirQualityReport> reports = new ArrayList<>();
        for (int slot = 0; slot < slots(); slot++) {
            Map<Parameter, Double> means = new EnumMap<>(Parameter.class);
            for (int i = 0; i < f; i++) {
                if (counts[slot * f + i] > 0) {
                    means.put(AirSample.POLLUTANTS.get(i), sums[slot * f + i] / counts[slot * f + i]);
                }
            }
            if (means.isEmpty()) {
                continue;
            }
            try {
                reports.add(AirQualityIndex.hourly(Instant.ofEpochMilli(startMs + slot * HOUR_MS), means));
            } catch (InputRejectedException e) {
                // unrated hour, see above
            }
        }
        return reports;
    }

    /** Share (0..1) of rated hours with AQI ≤ 100. */
    public static double shareGood(List<AirQualityReport> hours) {
        return hours.isEmpty() ? 0 : (double) hours.stream().filter(r -> r.aqi() <= GOOD_AT_MOST).count() / hours.size();
    }

    /** The category of the day's worst hour. */
    public static Optional<AqiCategory> worstCategory(List<AirQualityReport> hours) {
        return hours.stream().map(AirQualityReport::category).max(Enum::compareTo);
    }

    /**
     * The day's primary pollutants: the indicators that were primary (首要污染物, HJ 633 §2.2) in the most
     * hours, all of them on a tie; empty when no hour had one (every AQI ≤ 50).
     */
    public static List<AqiIndicator> primaryPollutants(List<AirQualityReport> hours) {
        Map<AqiIndicator, Integer> tally = new EnumMap<>(AqiIndicator.class);
        hours.forEach(r -> r.primaryPollutants().forEach(p -> tally.merge(p, 1, Integer::sum)));
        int most = tally.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return tally.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey).toList();
    }

    /** Mean negative air ion concentration (ions/cm³) where measured. */
    public OptionalDouble meanNegativeIons() {
        return negativeIonCount == 0 ? OptionalDouble.empty() : OptionalDouble.of(negativeIonSum / negativeIonCount);
    }

}
