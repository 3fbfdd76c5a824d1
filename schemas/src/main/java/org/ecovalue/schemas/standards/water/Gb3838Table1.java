package org.ecovalue.schemas.standards.water;

import java.util.Map;
import org.ecovalue.schemas.observation.Parameter;

/**
 * GB 3838-2002 Table 1 (basic items), limits for classes I–V, mg/L. Upper bounds except DO (lower
 * bound); pH must lie in 6–9 for every class. Where classes share a limit the better class is taken
 * ("从优", REFERENCE.md §1.2).
 */
final class Gb3838Table1 {

    /** Limits for I, II, III, IV, V. */
    private static final Map<Parameter, double[]> UPPER_LIMITS_RIVER = Map.of(
            Parameter.CODMN, new double[] {2, 4, 6, 10, 15},
            Parameter.COD, new double[] {15, 15, 20, 30, 40},
            Parameter.BOD5, new double[] {3, 3, 4, 6, 10},
            Parameter.NH3N, new double[] {0.15, 0.5, 1.0, 1.5, 2.0},
            Parameter.TP, new double[] {0.02, 0.1, 0.2, 0.3, 0.4},
            Parameter.TN, new double[] {0.2, 0.5, 1.0, 1.5, 2.0});

    /** TP, lakes and reservoirs. */
    private static final double[] TP_LAKE = {0.01, 0.025, 0.05, 0.1, 0.2};

    /** DO lower bounds for I–V (class I: 7.5 mg/L or 90 % saturation; the concentration is used). */
    private static final double[] DO_LOWER = {7.5, 6, 5, 3, 2};

    private Gb3838Table1() {
    }

    static WaterClass classOf(Parameter p, double value, WaterBody body) {
        if (p == Parameter.PH) {
            return value >= 6 && value <= 9 ? WaterClass.I : WaterClass.WORSE_THAN_V;
        }
        if (p == Parameter.DO) {
            for (int i = 0; i < DO_LOWER.length; i++) {
                if (value >= DO_LOWER[i]) {
                    return WaterClass.values()[i];
                }
            }
            return WaterClass.WORSE_THAN_V;
        }
        double[] limits = p == Parameter.TP && body == WaterBody.LAKE ? TP_LAKE : UPPER_LIMITS_RIVER.get(p);
        if (limits == null) {
            throw new IllegalArgumentException(p.code() + " is not graded by GB 3838-2002 Table 1 here");
        }
        for (int i = 0; i < limits.length; i++) {
            if (value <= limits[i]) {
                return WaterClass.values()[i];
            }
        }
        return WaterClass.WORSE_THAN_V;
    }
}
