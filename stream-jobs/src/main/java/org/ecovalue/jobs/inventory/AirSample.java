package org.ecovalue.jobs.inventory;

import java.util.List;
import java.util.Objects;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.registry.UnitKind;

/**
 * One observation of an air station, placed in its grid cell: the hourly means of the AQI pollutants
 * ({@link #POLLUTANTS}, in that order) and the negative air ion concentration that passed quality
 * control, NaN where missing or excluded.
 *
 * @param expectedPerDay observations a full day brings from all air stations of the grid cell
 */
public record AirSample(String unitId, String unitName, UnitKind unitKind, String stationId, long tsMillis,
                        double[] pollutants, double negativeIons, double expectedPerDay) {

    /** The pollutants of an HJ 633 real-time report (REFERENCE.md §2.6). */
    public static final List<Parameter> POLLUTANTS =
            List.of(Parameter.PM25, Parameter.PM10, Parameter.SO2, Parameter.NO2, Parameter.CO, Parameter.O3);

    public AirSample {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(unitKind, "unitKind");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(pollutants, "pollutants");
        if (pollutants.length != POLLUTANTS.size()) {
            throw new IllegalArgumentException("pollutants must hold " + POLLUTANTS);
        }
        if (expectedPerDay <= 0) {
            throw new IllegalArgumentException("expectedPerDay must be positive");
        }
    }

    /** At least one AQI pollutant: the observation counts towards completeness. */
    public boolean hasAnyPollutant() {
        for (double v : pollutants) {
            if (!Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}
