package org.ecovalue.jobs.inventory;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.ecovalue.schemas.registry.UnitKind;
import org.ecovalue.schemas.standards.et0.DailyWeather;
import org.ecovalue.schemas.standards.et0.ReferenceEvapotranspiration;

/**
 * One grid cell's water balance on one day so far: precipitation per station (summed over the day,
 * averaged over the stations that report it), extremes of temperature and humidity, means of wind and
 * solar radiation for the FAO-56 daily ET0 (REFERENCE.md §7).
 *
 * @param dayOfYear  J of the day (FAO-56 eq. 21)
 * @param revision   0 while open, 1 for the first FINAL, +1 per late change after it
 * @param lastLiveMs event time of the latest LIVE figure, {@code Long.MIN_VALUE} if none
 */
public record DayConservation(String unitName, UnitKind unitKind, int dayOfYear, double latitude, double areaKm2,
                              double runoffCoefficient, double priceCny, String priceRef, double precipitationSum,
                              String precipitationStations, double tMin, double tMax, double rhMin, double rhMax,
                              double windSum, int windCount, double solarSum, int solarCount, int validReadings,
                              double expectedPerDay, String stations, int revision, long lastLiveMs)
        implements PeriodFigures<DayConservation, WeatherSample> {

    public DayConservation {
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(unitKind, "unitKind");
        Objects.requireNonNull(precipitationStations, "precipitationStations");
        Objects.requireNonNull(stations, "stations");
    }

    public static DayConservation empty(WeatherSample s, int dayOfYear) {
        return new DayConservation(s.unitName(), s.unitKind(), dayOfYear, s.latitude(), s.areaKm2(), s.runoffCoefficient(),
                s.priceCny(), s.priceRef(), 0, "", Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, 0, 0,
                s.expectedPerDay(), "", 0, Long.MIN_VALUE);
    }

    @Override
    public DayConservation plus(WeatherSample s) {
        TreeSet<String> ids = Stations.parse(stations);
        ids.add(s.stationId());
        TreeSet<String> rain = Stations.parse(precipitationStations);
        boolean p = !Double.isNaN(s.precipitationMm());
        if (p) {
            rain.add(s.stationId());
        }
        boolean w = !Double.isNaN(s.windSpeed());
        boolean r = !Double.isNaN(s.solarWm2());
        return new DayConservation(s.unitName(), s.unitKind(), dayOfYear, s.latitude(), s.areaKm2(), s.runoffCoefficient(),
                s.priceCny(), s.priceRef(), precipitationSum + (p ? s.precipitationMm() : 0), String.join(",", rain),
                min(tMin, s.airTempC()), max(tMax, s.airTempC()), min(rhMin, s.humidityPct()),
                max(rhMax, s.humidityPct()), windSum + (w ? s.windSpeed() : 0), windCount + (w ? 1 : 0),
                solarSum + (r ? s.solarWm2() : 0), solarCount + (r ? 1 : 0), validReadings + (s.isValid() ? 1 : 0),
                s.expectedPerDay(), String.join(",", ids), revision, lastLiveMs);
    }

    private static double min(double held, double v) {
        return Double.isNaN(v) ? held : Double.isNaN(held) ? v : Math.min(held, v);
    }

    private static double max(double held, double v) {
        return Double.isNaN(v) ? held : Double.isNaN(held) ? v : Math.max(held, v);
    }

    @Override
    public DayConservation finalised() {
        return with(revision + 1, lastLiveMs);
    }

    @Override
    public DayConservation liveAt(long tsMillis) {
        return with(revision, tsMillis);
    }

    private DayConservation with(int newRevision, long newLastLiveMs) {
        return new DayConservation(unitName, unitKind, dayOfYear, latitude, areaKm2, runoffCoefficient, priceCny, priceRef,
                precipitationSum, precipitationStations, tMin, tMax, rhMin, rhMax, windSum, windCount, solarSum,
                solarCount, validReadings, expectedPerDay, stations, newRevision, newLastLiveMs);
    }

    /** The day's precipitation, mm: each station's total, averaged over the stations that report it. */
    public OptionalDouble precipitationMm() {
        int n = Stations.parse(precipitationStations).size();
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(precipitationSum / n);
    }

    /** FAO-56 daily ET0, mm, once temperature, humidity, wind and radiation have all been measured. */
    public OptionalDouble referenceEtMm() {
        if (Double.isNaN(tMin) || Double.isNaN(rhMin) || windCount == 0 || solarCount == 0) {
            return OptionalDouble.empty();
        }
        // elevation is not in the registry: sea level; γ changes by about 1 % per 100 m (FAO-56 eq. 7)
        DailyWeather w = new DailyWeather(tMin, tMax, rhMin, rhMax, windSum / windCount,
                solarSum / solarCount * 0.0864);
        return OptionalDouble.of(ReferenceEvapotranspiration.daily(w, latitude, 0, dayOfYear));
    }

    /**
     * Water conserved, m³: A·(P − R − ET)·10⁻³ with A in m², R = α·P and ET = ET0 (K_c = 1, the grass
     * reference) (REFERENCE.md §5.2); negative on a dry day, when the cell gives off more than it got.
     */
    public OptionalDouble conservedM3() {
        OptionalDouble p = precipitationMm();
        OptionalDouble et = referenceEtMm();
        if (p.isEmpty() || et.isEmpty()) {
            return OptionalDouble.empty();
        }
        double mm = p.getAsDouble() * (1 - runoffCoefficient) - et.getAsDouble();
        return OptionalDouble.of(areaKm2 * 1e6 * mm * 1e-3);
    }


    static int dayOfYear(long dayStartMs, java.time.ZoneId zone) {
        return Instant.ofEpochMilli(dayStartMs).atZone(zone).getDayOfYear();
    }
}
