package org.ecovalue.jobs.inventory;

import java.util.Objects;
import org.ecovalue.schemas.registry.UnitKind;
import org.ecovalue.schemas.standards.water.WaterBody;
import org.ecovalue.schemas.standards.water.WaterClass;

/**
 * One observation of a section's quality station, placed in the section's upstream unit: the values of
 * the GB 3838 real-time factors ({@code SurfaceWaterStandard.REALTIME_FACTORS}, in that order) that
 * passed quality control, NaN where missing or excluded.
 *
 * @param targetClass    the section's target class (registry)
 * @param expectedPerDay readings a full day brings from all quality stations of the unit's outlet sections
 */
public record QualitySample(String unitId, String unitName, UnitKind unitKind, String stationId, String sectionId,
                            long tsMillis, WaterBody waterBody, WaterClass targetClass, double[] realtimeFactors,
                            double expectedPerDay) {

    public QualitySample {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(unitKind, "unitKind");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(sectionId, "sectionId");
        Objects.requireNonNull(waterBody, "waterBody");
        Objects.requireNonNull(targetClass, "targetClass");
        Objects.requireNonNull(realtimeFactors, "realtimeFactors");
        if (expectedPerDay <= 0) {
            throw new IllegalArgumentException("expectedPerDay must be positive");
        }
    }

    public boolean hasAnyFactor() {
        for (double v : realtimeFactors) {
            if (!Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}
