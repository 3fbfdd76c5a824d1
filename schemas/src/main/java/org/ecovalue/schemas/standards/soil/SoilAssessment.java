package org.ecovalue.schemas.standards.soil;

import java.util.List;
import java.util.Objects;
import org.ecovalue.schemas.observation.Parameter;

/**
 * The risk class of a sample (its worst metal), the metals that decided it (every metal in the worst
 * class, largest single-factor index first; none when all are at or below screening), every metal's
 * assessment, and what it was assessed against.
 */
public record SoilAssessment(SoilRiskClass riskClass, List<Parameter> limiting, List<SoilFactorAssessment> factors,
        double ph, PhBand phBand, LandUse landUse, String standard) {

    public static final String GB15618_2018 = "GB15618-2018";

    public SoilAssessment {
        Objects.requireNonNull(riskClass, "riskClass");
        limiting = List.copyOf(limiting);
        factors = List.copyOf(factors);
        Objects.requireNonNull(phBand, "phBand");
        Objects.requireNonNull(landUse, "landUse");
        Objects.requireNonNull(standard, "standard");
    }
}
