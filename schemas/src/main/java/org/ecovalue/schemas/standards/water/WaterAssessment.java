package org.ecovalue.schemas.standards.water;

import java.util.List;
import java.util.Objects;
import org.ecovalue.schemas.observation.Parameter;

/**
 * The class of a sample or a period mean, the factor(s) that decided it (the worst ones) and the
 * standard that produced it.
 */
public record WaterAssessment(WaterClass waterClass, List<Parameter> limiting, String standard) {

    public static final String GB3838_2002 = "GB3838-2002";

    public WaterAssessment {
        Objects.requireNonNull(waterClass, "waterClass");
        limiting = List.copyOf(limiting);
        Objects.requireNonNull(standard, "standard");
    }
}
