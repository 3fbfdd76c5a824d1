package org.ecovalue.schemas.standards.soil;

import java.util.Objects;
import java.util.OptionalDouble;
import org.ecovalue.schemas.observation.Parameter;

/**
 * One metal of one sample: its concentration, the values it was compared with, the single-factor
 * index P = C / screening value and its risk class.
 */
public record SoilFactorAssessment(Parameter metal, double concentrationMgKg, double screeningMgKg,
        OptionalDouble interventionMgKg, double singleFactorIndex, SoilRiskClass riskClass) {

    public SoilFactorAssessment {
        Objects.requireNonNull(metal, "metal");
        Objects.requireNonNull(interventionMgKg, "interventionMgKg");
        Objects.requireNonNull(riskClass, "riskClass");
    }
}
