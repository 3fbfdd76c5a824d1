package org.ecovalue.schemas.standards.et0;

/**
 * FAO-56 Penman–Monteith reference evapotranspiration of the grass reference surface (h = 0.12 m,
 * r_s = 70 s/m, albedo 0.23), daily time step (Allen et al. 1998, FAO Irrigation and Drainage Paper 56,
 * eq. 6 and the supporting equations of chapter 3; REFERENCE.md §7). Soil heat flux G ≈ 0 for a day
 * (eq. 42).
 */
public final class ReferenceEvapotranspiration {

    /** Solar constant G_sc, MJ m⁻² min⁻¹ (eq. 21). */
    private static final double SOLAR_CONSTANT = 0.0820;
    /** Stefan–Boltzmann constant, MJ K⁻⁴ m⁻² d⁻¹ (eq. 39). */
    private static final double STEFAN_BOLTZMANN = 4.903e-9;
    private static final double ALBEDO = 0.23;

    private ReferenceEvapotranspiration() {
    }

    /** ET0 in mm/day (eq. 6) at latitude {@code latitudeDeg} (north positive), elevation {@code elevationM}, day of year J. */
    public static double daily(DailyWeather w, double latitudeDeg, double elevationM, int dayOfYear) {
        double tMean = (w.tMinC() + w.tMaxC()) / 2;
        double gamma = psychrometricConstant(elevationM);
        double delta = 4098 * saturationVapourPressure(tMean) / Math.pow(tMean + 237.3, 2);       // eq. 13
        double es = (saturationVapourPressure(w.tMaxC()) + saturationVapourPressure(w.tMinC())) / 2; // eq. 12
        double ea = (saturationVapourPressure(w.tMinC()) * w.rhMaxPct()
                + saturationVapourPressure(w.tMaxC()) * w.rhMinPct()) / 200;                        // eq. 17
        double rn = netRadiation(w, ea, latitudeDeg, elevationM, dayOfYear);
        double u2 = w.windSpeed2m();
        double et0 = (0.408 * delta * rn + gamma * 900 / (tMean + 273) * u2 * (es - ea))
                / (delta + gamma * (1 + 0.34 * u2));
        return Math.max(0, et0);
    }

    /** Saturation vapour pressure e°(T), kPa (eq. 11). */
    public static double saturationVapourPressure(double tC) {
        return 0.6108 * Math.exp(17.27 * tC / (tC + 237.3));
    }

    /** γ = 0.665×10⁻³ P with P from the elevation (eqs. 7, 8), kPa/°C. */
    public static double psychrometricConstant(double elevationM) {
        double p = 101.3 * Math.pow((293 - 0.0065 * elevationM) / 293, 5.26);
        return 0.665e-3 * p;
    }

    /** Ra, MJ m⁻² d⁻¹ (eqs. 21, 23–25). */
    public static double extraterrestrialRadiation(double latitudeDeg, int dayOfYear) {
        double phi = Math.toRadians(latitudeDeg);
        double dr = 1 + 0.033 * Math.cos(2 * Math.PI * dayOfYear / 365);
        double decl = declination(dayOfYear);
        double ws = sunsetHourAngle(phi, decl);
        return 24 * 60 / Math.PI * SOLAR_CONSTANT * dr
                * (ws * Math.sin(phi) * Math.sin(decl) + Math.cos(phi) * Math.cos(decl) * Math.sin(ws));
    }

    /** Daylight hours N = 24 ω_s / π (eq. 34). */
    public static double daylightHours(double latitudeDeg, int dayOfYear) {
        return 24 / Math.PI * sunsetHourAngle(Math.toRadians(latitudeDeg), declination(dayOfYear));
    }

    /** Rs from sunshine hours n by the Angström formula with a_s = 0.25, b_s = 0.50 (eq. 35), MJ m⁻² d⁻¹. */
    public static double solarRadiationFromSunshine(double sunshineHours, double latitudeDeg, int dayOfYear) {
        return (0.25 + 0.50 * sunshineHours / daylightHours(latitudeDeg, dayOfYear))
                * extraterrestrialRadiation(latitudeDeg, dayOfYear);
    }

    /** Wind speed at 2 m from a measurement at {@code heightM} above ground (eq. 47). */
    public static double windAt2m(double speed, double heightM) {
        return speed * 4.87 / Math.log(67.8 * heightM - 5.42);
    }

    private static double netRadiation(DailyWeather w, double ea, double latitudeDeg, double elevationM, int j) {
        double rso = (0.75 + 2e-5 * elevationM) * extraterrestrialRadiation(latitudeDeg, j);        // eq. 37
        double rns = (1 - ALBEDO) * w.solarMJm2();                                                   // eq. 38
        double ratio = rso <= 0 ? 1 : Math.min(1.0, w.solarMJm2() / rso);
        double tMaxK4 = Math.pow(w.tMaxC() + 273.16, 4);
        double tMinK4 = Math.pow(w.tMinC() + 273.16, 4);
        double rnl = STEFAN_BOLTZMANN * (tMaxK4 + tMinK4) / 2 * (0.34 - 0.14 * Math.sqrt(ea))
                * (1.35 * ratio - 0.35);                                                             // eq. 39
        return rns - rnl;                                                                            // eq. 40
    }

    private static double declination(int dayOfYear) {
        return 0.409 * Math.sin(2 * Math.PI * dayOfYear / 365 - 1.39);                               // eq. 24
    }

    private static double sunsetHourAngle(double phi, double decl) {
        double x = -Math.tan(phi) * Math.tan(decl);
        return Math.acos(Math.max(-1, Math.min(1, x)));                                              // eq. 25, polar day/night clamped
    }
}
