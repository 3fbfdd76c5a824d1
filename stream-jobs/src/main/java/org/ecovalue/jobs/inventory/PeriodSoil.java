package org.ecovalue.jobs.inventory;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.registry.UnitKind;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.standards.soil.AgriculturalSoilStandard;
import org.ecovalue.schemas.standards.soil.Gb15618Tables;
import org.ecovalue.schemas.standards.soil.LandUse;
import org.ecovalue.schemas.standards.soil.SoilAssessment;

/**
 * One unit's soil in one period so far: sums and counts of moisture, pH and each GB 15618 metal, so
 * that the period is assessed on its means (GB 15618-2018 §5: a site takes its worst factor, REFERENCE.md §3.3).
 *
 * @param revision   0 while open, 1 for the first FINAL, +1 per late change after it
 * @param lastLiveMs event time of the latest LIVE figure, {@code Long.MIN_VALUE} if none
 */
public record PeriodSoil(String unitName, UnitKind unitKind, LandUse landUse, double moistureSum, int moistureCount,
                      double phSum, int phCount, double[] metalSums, int[] metalCounts, int validReadings,
                      double expectedPerDay, String stations, int revision, long lastLiveMs)
        implements PeriodFigures<PeriodSoil, SoilSample> {

    public PeriodSoil {
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(unitKind, "unitKind");
        Objects.requireNonNull(landUse, "landUse");
        Objects.requireNonNull(metalSums, "metalSums");
        Objects.requireNonNull(metalCounts, "metalCounts");
        Objects.requireNonNull(stations, "stations");
    }

    public static PeriodSoil empty(SoilSample s) {
        int n = Gb15618Tables.METALS.size();
        return new PeriodSoil(s.unitName(), s.unitKind(), s.landUse(), 0, 0, 0, 0, new double[n], new int[n], 0,
                s.expectedPerDay(), "", 0, Long.MIN_VALUE);
    }

    @Override
    public PeriodSoil plus(SoilSample s) {
        double[] sums = metalSums.clone();
        int[] counts = metalCounts.clone();
        for (int i = 0; i < sums.length; i++) {
            if (!Double.isNaN(s.metals()[i])) {
                sums[i] += s.metals()[i];
                counts[i]++;
            }
        }
        boolean moist = !Double.isNaN(s.moisture());
        boolean ph = !Double.isNaN(s.ph());
        TreeSet<String> ids = Stations.parse(stations);
        ids.add(s.stationId());
        // a higher unit pools cells of different land use: GB 15618-2018 Table 1 note 2's stricter column
        LandUse pooled = s.landUse() == landUse ? landUse : LandUse.PADDY_DRYLAND_ROTATION;
        return new PeriodSoil(s.unitName(), s.unitKind(), pooled, moistureSum + (moist ? s.moisture() : 0),
                moistureCount + (moist ? 1 : 0), phSum + (ph ? s.ph() : 0), phCount + (ph ? 1 : 0), sums, counts,
                validReadings + (s.isValid() ? 1 : 0), s.expectedPerDay(), String.join(",", ids), revision,
                lastLiveMs);
    }

    @Override
    public PeriodSoil finalised() {
        return new PeriodSoil(unitName, unitKind, landUse, moistureSum, moistureCount, phSum, phCount, metalSums,
                metalCounts, validReadings, expectedPerDay, stations, revision + 1, lastLiveMs);
    }

    @Override
    public PeriodSoil liveAt(long tsMillis) {
        return new PeriodSoil(unitName, unitKind, landUse, moistureSum, moistureCount, phSum, phCount, metalSums,
                metalCounts, validReadings, expectedPerDay, stations, revision, tsMillis);
    }

    public OptionalDouble meanMoisture() {
        return moistureCount == 0 ? OptionalDouble.empty() : OptionalDouble.of(moistureSum / moistureCount);
    }

    /**
     * The GB 15618 risk class of the day's mean metals at the day's mean pH; empty where no metal or
     * no pH was measured (the screening values depend on the pH band).
     */
    public Optional<SoilAssessment> assessment() {
        if (phCount == 0) {
            return Optional.empty();
        }
        Map<Parameter, Double> means = new EnumMap<>(Parameter.class);
        for (int i = 0; i < metalSums.length; i++) {
            if (metalCounts[i] > 0) {
                means.put(Gb15618Tables.METALS.get(i), metalSums[i] / metalCounts[i]);
            }
        }
        if (means.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AgriculturalSoilStandard.assess(phSum / phCount, landUse, means));
        } catch (InputRejectedException e) {
            return Optional.empty(); // values passed QC ranges, so only an impossible pH gets here
        }
    }

}
