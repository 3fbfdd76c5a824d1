package org.ecovalue.schemas.standards.et0;

/**
 * One day of weather at a station, as FAO-56 eq. 6 needs it: extreme temperatures and relative
 * humidities at 2 m, mean wind speed at 2 m and incoming solar radiation.
 *
 * @param tMinC       daily minimum air temperature, °C
 * @param tMaxC       daily maximum air temperature, °C
 * @param rhMinPct    daily minimum relative humidity, %
 * @param rhMaxPct    daily maximum relative humidity, %
 * @param windSpeed2m mean wind speed at 2 m, m/s ({@link ReferenceEvapotranspiration#windAt2m} converts)
 * @param solarMJm2   incoming solar radiation Rs, MJ m⁻² d⁻¹ (W m⁻² × 0.0864)
 */
public record DailyWeather(double tMinC, double tMaxC, double rhMinPct, double rhMaxPct, double windSpeed2m,
                           double solarMJm2) {

    public DailyWeather {
        if (!(tMinC <= tMaxC) || tMinC < -90 || tMaxC > 65) {
            throw new IllegalArgumentException("need -90 ≤ tMin ≤ tMax ≤ 65 °C, got " + tMinC + ", " + tMaxC);
        }
        if (!(rhMinPct >= 0 && rhMinPct <= rhMaxPct && rhMaxPct <= 100)) {
            throw new IllegalArgumentException("need 0 ≤ rhMin ≤ rhMax ≤ 100 %, got " + rhMinPct + ", " + rhMaxPct);
        }
        if (!(windSpeed2m >= 0) || !(solarMJm2 >= 0) || Double.isInfinite(windSpeed2m) || Double.isInfinite(solarMJm2)) {
            throw new IllegalArgumentException("wind speed and solar radiation must be finite and non-negative");
        }
    }
}
