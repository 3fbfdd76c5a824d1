package org.ecovalue.simulator.signal;

import static org.ecovalue.schemas.observation.Parameter.*;

import java.util.List;
import java.util.Map;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.registry.StationKind;

/** What each kind of station measures, and how many decimals its analysers report. */
public final class StationParameters {

    /** HJ 915-2017 surface water automatic station: the five basic parameters plus CODMn, NH3-N, TP, TN. */
    private static final List<Parameter> WATER = List.of(WATER_TEMP, PH, CONDUCTIVITY, TURBIDITY, DO, CODMN, NH3N, TP, TN);
    private static final List<Parameter> FLOW_GAUGE = List.of(FLOW, WATER_LEVEL);
    /** HJ 633-2012 six pollutants (hourly O3; the 8-hour mean is derived downstream). */
    private static final List<Parameter> AIR = List.of(PM25, PM10, SO2, NO2, CO, O3);
    private static final List<Parameter> SOIL = List.of(SOIL_MOISTURE, SOIL_TEMP, SOIL_PH, SOIL_EC);
    private static final List<Parameter> WEATHER = List.of(AIR_TEMP, HUMIDITY, WIND_SPEED, SOLAR_RADIATION, PRECIPITATION, PRESSURE);

    private static final Map<Parameter, Integer> DECIMALS = Map.ofEntries(
            Map.entry(WATER_TEMP, 1), Map.entry(PH, 2), Map.entry(CONDUCTIVITY, 0), Map.entry(TURBIDITY, 1),
            Map.entry(DO, 2), Map.entry(CODMN, 2), Map.entry(NH3N, 3), Map.entry(TP, 3), Map.entry(TN, 2),
            Map.entry(FLOW, 2), Map.entry(WATER_LEVEL, 2),
            Map.entry(PM25, 0), Map.entry(PM10, 0), Map.entry(SO2, 0), Map.entry(NO2, 0), Map.entry(CO, 2),
            Map.entry(O3, 0), Map.entry(SOIL_MOISTURE, 1), Map.entry(SOIL_TEMP, 1), Map.entry(SOIL_PH, 2),
            Map.entry(SOIL_EC, 0), Map.entry(AIR_TEMP, 1), Map.entry(HUMIDITY, 0), Map.entry(WIND_SPEED, 1),
            Map.entry(SOLAR_RADIATION, 0), Map.entry(PRECIPITATION, 1), Map.entry(PRESSURE, 1));

    private StationParameters() {
    }

    public static List<Parameter> of(StationKind kind) {
        return switch (kind) {
            case WATER -> WATER;
            case FLOW -> FLOW_GAUGE;
            case AIR -> AIR;
            case SOIL -> SOIL;
            case WEATHER -> WEATHER;
        };
    }

    public static int decimals(Parameter p) {
        return DECIMALS.getOrDefault(p, 2);
    }

    /** Rounded as the analyser reports, and kept within what is physically possible. */
    public static double reported(Parameter p, double value) {
        double v = Math.max(p.physicalMin(), Math.min(p.physicalMax(), value));
        double scale = Math.pow(10, decimals(p));
        return Math.round(v * scale) / scale;
    }
}
