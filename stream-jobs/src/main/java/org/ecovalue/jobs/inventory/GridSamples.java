package org.ecovalue.jobs.inventory;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ecovalue.jobs.qc.QcVerdict;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.observation.Reading;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.GridCell;
import org.ecovalue.schemas.registry.LandCover;
import org.ecovalue.schemas.registry.Price;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.schemas.registry.StationKind;
import org.ecovalue.schemas.registry.UnitKind;
import org.ecovalue.schemas.standards.soil.Gb15618Tables;
import org.ecovalue.schemas.standards.soil.LandUse;

/** Air, soil and weather observations placed in their station's grid cell, with the values that passed QC. */
public final class GridSamples {

    private static final double SECONDS_PER_DAY = 86_400;

    private GridSamples() {
    }

    /** An air station's observation as a sample of its grid cell; empty for other stations or no values. */
    public static Optional<AirSample> air(Registry r, Station station, Observation obs) {
        if (station.kind() != StationKind.AIR) {
            return Optional.empty();
        }
        return r.gridCell(station.gridCell()).flatMap(cell -> {
            double[] pollutants = values(obs, AirSample.POLLUTANTS);
            double ions = values(obs, List.of(Parameter.NEG_ION))[0];
            AirSample s = new AirSample(cell.id(), cell.id(), UnitKind.GRID, station.id(), obs.ts().toEpochMilli(),
                    pollutants, ions, expectedPerDay(r, cell, StationKind.AIR));
            return s.hasAnyPollutant() || !Double.isNaN(ions) ? Optional.of(s) : Optional.empty();
        });
    }

    /** A soil station's observation as a sample of its grid cell; empty for other stations or no values. */
    public static Optional<SoilSample> soil(Registry r, Station station, Observation obs) {
        if (station.kind() != StationKind.SOIL) {
            return Optional.empty();
        }
        return r.gridCell(station.gridCell()).flatMap(cell -> {
            double[] v = values(obs, List.of(Parameter.SOIL_MOISTURE, Parameter.SOIL_PH));
            SoilSample s = new SoilSample(cell.id(), cell.id(), UnitKind.GRID, station.id(), obs.ts().toEpochMilli(),
                    v[0], v[1], values(obs, Gb15618Tables.METALS), landUse(cell.landCover()),
                    expectedPerDay(r, cell, StationKind.SOIL));
            return s.isValid() ? Optional.of(s) : Optional.empty();
        });
    }

    /** A weather station's observation as a sample of its grid cell; empty for other stations or no values. */
    public static Optional<WeatherSample> weather(Registry r, Station station, Observation obs) {
        if (station.kind() != StationKind.WEATHER) {
            return Optional.empty();
        }
        return r.gridCell(station.gridCell()).flatMap(cell -> {
            double[] v = values(obs, List.of(Parameter.PRECIPITATION, Parameter.AIR_TEMP, Parameter.HUMIDITY,
                    Parameter.WIND_SPEED, Parameter.SOLAR_RADIATION));
            // the first price table (by id) that prices water conservation on the observation's (UTC) date
            Optional<Price> price = r.priceTables().stream()
                    .map(t -> t.priceOn(EcoProduct.WATER_CONSERVATION, null,
                            LocalDate.ofInstant(obs.ts(), ZoneOffset.UTC)))
                    .flatMap(Optional::stream).findFirst();
            WeatherSample s = new WeatherSample(cell.id(), cell.id(), UnitKind.GRID, station.id(),
                    obs.ts().toEpochMilli(), v[0], v[1], v[2], v[3], v[4], station.lat(), cell.areaKm2(),
                    RunoffCoefficients.of(cell), price.map(p -> p.priceCny().doubleValue()).orElse(Double.NaN),
                    price.map(Price::priceRef).orElse(null), expectedPerDay(r, cell, StationKind.WEATHER), cell.id());
            return s.isValid() ? Optional.of(s) : Optional.empty();
        });
    }

    /**
     * The registry's land cover does not tell paddy from dry farmland: cropland takes the stricter of
     * the two columns, as GB 15618-2018 Table 1 note 2 does for a paddy–dryland rotation.
     */
    static LandUse landUse(LandCover cover) {
        return cover == LandCover.CROPLAND ? LandUse.PADDY_DRYLAND_ROTATION : LandUse.OTHER;
    }

    private static double expectedPerDay(Registry r, GridCell cell, StationKind kind) {
        return r.stationsInCell(cell.id()).stream().filter(s -> s.kind() == kind)
                .mapToDouble(s -> SECONDS_PER_DAY / s.reportingIntervalSeconds()).sum();
    }

    /** Values of these parameters that passed QC, in order, NaN where absent. */
    static double[] values(Observation obs, List<Parameter> params) {
        double[] values = new double[params.size()];
        Arrays.fill(values, Double.NaN);
        for (Reading reading : obs.readings()) {
            if (QcVerdict.counts(reading.qc())) {
                Parameter.fromCode(reading.param()).map(params::indexOf).filter(i -> i >= 0)
                        .ifPresent(i -> values[i] = reading.value());
            }
        }
        return values;
    }
}
