package org.ecovalue.jobs.inventory;

import java.util.Objects;
import org.ecovalue.schemas.registry.GridCell;
import org.ecovalue.schemas.registry.UnitKind;

/**
 * One observation of a weather station, placed in its grid cell, with what water conservation needs of
 * the cell: the values that passed quality control (NaN where missing), the station's latitude (for
 * extraterrestrial radiation), the cell's area and runoff coefficient ({@link RunoffCoefficients#of(GridCell)}), and the water_conservation price in force
 * on the observation's day (NaN and null when the registry has none).
 *
 * @param precipitationMm precipitation during the station's reporting interval, mm
 * @param windSpeed       wind speed, m/s, taken as measured at 2 m
 * @param solarWm2        global solar radiation, W/m²
 * @param expectedPerDay  observations a full day brings from the weather stations of the unit
 * @param cellId          the grid cell the station stands in (the unit itself, or one of a higher unit's cells)
 */
public record WeatherSample(String unitId, String unitName, UnitKind unitKind, String stationId, long tsMillis,
                            double precipitationMm, double airTempC, double humidityPct, double windSpeed,
                            double solarWm2, double latitude, double areaKm2, double runoffCoefficient,
                            double priceCny, String priceRef, double expectedPerDay, String cellId) {

    public WeatherSample {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(unitKind, "unitKind");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(cellId, "cellId");
        if (!(areaKm2 > 0) || expectedPerDay <= 0) {
            throw new IllegalArgumentException("areaKm2 and expectedPerDay must be positive");
        }
        if (!(runoffCoefficient >= 0 && runoffCoefficient <= 1)) {
            throw new IllegalArgumentException("runoffCoefficient must be within 0..1, got " + runoffCoefficient);
        }
    }

    /** Any of the values the water balance uses: the observation counts towards completeness. */
    public boolean isValid() {
        return !Double.isNaN(precipitationMm) || !Double.isNaN(airTempC) || !Double.isNaN(humidityPct)
                || !Double.isNaN(windSpeed) || !Double.isNaN(solarWm2);
    }
}
