package org.ecovalue.schemas.standards.water;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecovalue.schemas.observation.Parameter;

/**
 * GB 3838-2002 single-factor classification.
 *
 * <p>{@link #realtime} is the rule CNEMC uses for the real-time class of an automatic station
 * (REFERENCE.md §1.4): worst single-factor class over pH, DO, CODMn, NH3-N and TP only, TP with the
 * lake/reservoir limits at lake sites, limits inclusive, missing factors skipped.
 */
public final class SurfaceWaterStandard {

    /** Factors of the real-time class, REFERENCE.md §1.4. */
    public static final List<Parameter> REALTIME_FACTORS =
            List.of(Parameter.PH, Parameter.DO, Parameter.CODMN, Parameter.NH3N, Parameter.TP);

    private SurfaceWaterStandard() {
    }

    /**
     * The real-time class of one reading set, or empty when none of the five factors is present.
     */
    public static Optional<WaterAssessment> realtime(Map<Parameter, Double> values, WaterBody body) {
        WaterClass worst = null;
        List<Parameter> limiting = new ArrayList<>();
        for (Parameter p : REALTIME_FACTORS) {
            Double v = values.get(p);
            if (v == null) {
                continue;
            }
            WaterClass c = Gb3838Table1.classOf(p, v, body);
            if (worst == null || c.isWorseThan(worst)) {
                worst = c;
                limiting.clear();
                limiting.add(p);
            } else if (c == worst) {
                limiting.add(p);
            }
        }
        return worst == null ? Optional.empty() : Optional.of(new WaterAssessment(worst, limiting, WaterAssessment.GB3838_2002));
    }
}
