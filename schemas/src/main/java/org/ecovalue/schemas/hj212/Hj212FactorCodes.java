package org.ecovalue.schemas.hj212;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecovalue.schemas.hj212.Hj212Factor.Edition;
import org.ecovalue.schemas.observation.Parameter;

/**
 * Factor code → canonical parameter, the one table everyone uses (REFERENCE.md §6.5).
 *
 * <p>Units. Water factors and the weather factors carry the units of HJ 212-2017 Appendix B, as
 * reproduced with the original 2005 codes in {@code srdgame/lua-HJ212 hj212/tags/info.lua}: mg/L,
 * °C, µS/cm, w00000 in L/s, a01006 pressure in kPa. Ambient air stations send the air pollutants
 * in µg/m³ with CO in mg/m³, as HJ 633 reports them; the sample packets of REFERENCE §6.7 (#2:
 * PM2.5 207, SO2 58, CO 1.1; #8) only make sense that way.
 *
 * <p>Flue-gas sources (ST 31, 51) send the same pollutant codes in mg/m³ at stack conditions
 * (Appendix B). Those are emissions, not the ambient air quality that pm25, so2 … stand for (a
 * stack at 400 mg/m³ SO2 is ordinary; ambient air at 400 000 µg/m³ is impossible), so they are
 * reported as unmapped. Weather factors (temperature, humidity, pressure, wind) map from any ST.
 *
 * <p>Not mapped either, reported as unmapped: codes with no canonical parameter (TSP a34001, NO
 * a21003, NOx a21002, wind direction a01008, noise LA, chlorophyll w01016 …), and the water
 * metals w20111–w20123: the canonical hg/cd/as/pb/cr/cu/ni/zn are soil contents in mg/kg, and a
 * concentration in water is not a soil content.
 *
 * <p>HJ/T 212-2005 codes, mapped where the "original code" column of Appendix B gives exactly one
 * 2017 code with a canonical parameter: water 001 pH, 010 BOD5, 011 COD, 060 NH3-N, 065 TN, 101 TP,
 * B01 wastewater flow (L/s). The 2005 gas codes (01 smoke dust, 02 SO2, 03 NOx, 04 CO, B02 and
 * S01–S08 flue-gas flow and state) are all flue-gas codes and stay unmapped for the reason above.
 */
public final class Hj212FactorCodes {

    private static final String AMBIENT = "µg/m3";

    private static final Map<String, Hj212Factor> BY_CODE = new LinkedHashMap<>();
    private static final Map<Parameter, Hj212Factor> BY_PARAMETER = new LinkedHashMap<>();

    static {
        // water, HJ 212-2017 Appendix B
        add2017("w01001", Parameter.PH, "");
        add2017("w01003", Parameter.TURBIDITY, "NTU");
        add2017("w01009", Parameter.DO, "mg/L");
        add2017("w01010", Parameter.WATER_TEMP, "°C");
        add2017("w01014", Parameter.CONDUCTIVITY, "µS/cm");
        add2017("w01017", Parameter.BOD5, "mg/L");
        add2017("w01018", Parameter.COD, "mg/L");
        add2017("w01019", Parameter.CODMN, "mg/L");
        add2017("w21001", Parameter.TN, "mg/L");
        add2017("w21003", Parameter.NH3N, "mg/L");
        add2017("w21011", Parameter.TP, "mg/L");
        add2017("w00000", Parameter.FLOW, "L/s");
        // ambient air pollutants
        addAir("a34004", Parameter.PM25, AMBIENT);
        addAir("a34002", Parameter.PM10, AMBIENT);
        addAir("a21026", Parameter.SO2, AMBIENT);
        addAir("a21004", Parameter.NO2, AMBIENT);
        addAir("a21005", Parameter.CO, "mg/m3");
        addAir("a05024", Parameter.O3, AMBIENT);
        // weather
        add2017("a01001", Parameter.AIR_TEMP, "°C");
        add2017("a01002", Parameter.HUMIDITY, "%");
        add2017("a01006", Parameter.PRESSURE, "kPa");
        add2017("a01007", Parameter.WIND_SPEED, "m/s");
        // HJ/T 212-2005 codes (never used when encoding)
        add2005("001", Parameter.PH, "");
        add2005("010", Parameter.BOD5, "mg/L");
        add2005("011", Parameter.COD, "mg/L");
        add2005("060", Parameter.NH3N, "mg/L");
        add2005("065", Parameter.TN, "mg/L");
        add2005("101", Parameter.TP, "mg/L");
        add2005("B01", Parameter.FLOW, "L/s");
    }

    private Hj212FactorCodes() {
    }

    private static void add2017(String code, Parameter p, String unit) {
        put(new Hj212Factor(code, p, unit, false, Edition.HJ_212_2017));
    }

    private static void addAir(String code, Parameter p, String unit) {
        put(new Hj212Factor(code, p, unit, true, Edition.HJ_212_2017));
    }

    private static void add2005(String code, Parameter p, String unit) {
        put(new Hj212Factor(code, p, unit, false, Edition.HJT_212_2005));
    }

    private static void put(Hj212Factor f) {
        if (BY_CODE.putIfAbsent(f.code(), f) != null) {
            throw new IllegalStateException("factor code listed twice: " + f.code());
        }
        if (f.edition() == Edition.HJ_212_2017) {
            BY_PARAMETER.putIfAbsent(f.parameter(), f);
        }
    }

    /** The mapping of a factor code as sent (case-sensitive, as in the standard). */
    public static Optional<Hj212Factor> lookup(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The HJ 212-2017 code for a canonical parameter, used when encoding. */
    public static Optional<Hj212Factor> forParameter(Parameter parameter) {
        return Optional.ofNullable(BY_PARAMETER.get(parameter));
    }

    public static Collection<Hj212Factor> all() {
        return List.copyOf(BY_CODE.values());
    }
}
