package org.ecovalue.jobs.inventory;

import java.util.Objects;
import org.ecovalue.schemas.registry.UnitKind;
import org.ecovalue.schemas.standards.soil.Gb15618Tables;
import org.ecovalue.schemas.standards.soil.LandUse;

/**
 * One observation of a soil station, placed in its grid cell: moisture (%), pH and the GB 15618 metals
 * ({@link Gb15618Tables#METALS}, in that order, mg/kg) that passed quality control, NaN where missing.
 *
 * @param landUse        the GB 15618 land-use column the cell's screening values are read from
 * @param expectedPerDay observations a full day brings from all soil stations of the grid cell
 */
public record SoilSample(String unitId, String unitName, UnitKind unitKind, String stationId, long tsMillis,
                         double moisture, double ph, double[] metals, LandUse landUse, double expectedPerDay) {

    public SoilSample {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(unitKind, "unitKind");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(metals, "metals");
        Objects.requireNonNull(landUse, "landUse");
        if (metals.length != Gb15618Tables.METALS.size()) {
            throw new IllegalArgumentException("metals must hold " + Gb15618Tables.METALS);
        }
        if (expectedPerDay <= 0) {
            throw new IllegalArgumentException("expectedPerDay must be positive");
        }
    }

    public boolean hasAnyMetal() {
        for (double v : metals) {
            if (!Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    /** Moisture or a metal: the observation counts towards completeness. */
    public boolean isValid() {
        return !Double.isNaN(moisture) || hasAnyMetal();
    }
}
