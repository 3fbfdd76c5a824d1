package org.ecovalue.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ecovalue.schemas.observation.Flag;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Reading;

/** Test observations that read like a station's payload: {@code water("S1", t, "nh3n", 1.2, "do", 8.0)}. */
public final class Observations {

    private Observations() {
    }

    /** Alternating parameter codes and values, all in canonical units with flag N. */
    public static Observation water(String station, Instant ts, Object... paramsAndValues) {
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < paramsAndValues.length; i += 2) {
            String param = (String) paramsAndValues[i];
            Object v = paramsAndValues[i + 1];
            if (v instanceof Reading r) {
                readings.add(r);
            } else {
                readings.add(new Reading(param, ((Number) v).doubleValue(), unit(param), Flag.N));
            }
        }
        return new Observation(station, ts, null, readings);
    }

    /** A reading with a flag other than N (maintenance, fault …). */
    public static Reading flagged(String param, double value, Flag flag) {
        return new Reading(param, value, unit(param), flag);
    }

    /** Clean water except for the given overrides: pH 7.5, DO 8.0, CODMn 1.5, NH3-N 0.1, TP 0.01 (all class I). */
    public static Observation cleanRiverWater(String station, Instant ts) {
        return water(station, ts, "ph", 7.5, "do", 8.0, "codmn", 1.5, "nh3n", 0.1, "tp", 0.01);
    }

    private static String unit(String param) {
        return switch (param) {
            case "ph" -> "";
            case "flow" -> "m3/s";
            default -> "mg/L";
        };
    }
}
