package org.ecovalue.schemas.standards.soil;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;

/**
 * Risk classification of agricultural land by GB 15618-2018 (REFERENCE.md §3.3): each metal is
 * compared with its screening value (Table 1, by land use and pH band) and intervention value
 * (Table 3); the sample takes its worst metal. Cu, Ni and Zn have no intervention value, so above
 * screening they are safe-utilisation at worst.
 */
public final class AgriculturalSoilStandard {

    private AgriculturalSoilStandard() {
    }

    /**
     * @param ph soil pH of the sample
     * @param metalsMgKg total-element concentrations; keys other than the eight metals are ignored
     * @throws InputRejectedException {@code absurd-value} for a pH outside 0–14 or a negative
     *     concentration; {@code no-readings} when none of the eight metals is given
     */
    public static SoilAssessment assess(double ph, LandUse landUse, Map<Parameter, Double> metalsMgKg)
            throws InputRejectedException {
        if (!Parameter.SOIL_PH.isPhysicallyPossible(ph)) {
            throw new InputRejectedException(RejectReason.ABSURD_VALUE, "soil_ph = " + ph + " is outside 0–14");
        }
        PhBand band = PhBand.of(ph);
        List<SoilFactorAssessment> factors = new ArrayList<>();
        for (Parameter metal : Gb15618Tables.METALS) {
            Double c = metalsMgKg.get(metal);
            if (c == null) {
                continue;
            }
            if (!metal.isPhysicallyPossible(c)) {
                throw new InputRejectedException(RejectReason.ABSURD_VALUE, metal.code() + " = " + c + " mg/kg");
            }
            double screening = Gb15618Tables.screening(metal, landUse, band);
            OptionalDouble intervention = Gb15618Tables.intervention(metal, band);
            SoilRiskClass risk;
            if (c <= screening) {
                risk = SoilRiskClass.PRIORITY_PROTECTION;
            } else if (intervention.isEmpty() || c <= intervention.getAsDouble()) {
                risk = SoilRiskClass.SAFE_UTILIZATION;
            } else {
                risk = SoilRiskClass.STRICT_CONTROL;
            }
            factors.add(new SoilFactorAssessment(metal, c, screening, intervention, c / screening, risk));
        }
        if (factors.isEmpty()) {
            throw new InputRejectedException(RejectReason.NO_READINGS,
                    "none of " + Gb15618Tables.METALS.stream().map(Parameter::code).toList() + " has a value");
        }
        SoilRiskClass worst = factors.stream().map(SoilFactorAssessment::riskClass)
                .max(Comparator.naturalOrder()).orElseThrow();
        List<Parameter> limiting = worst == SoilRiskClass.PRIORITY_PROTECTION ? List.of() : factors.stream()
                .filter(f -> f.riskClass() == worst)
                .sorted(Comparator.comparingDouble(SoilFactorAssessment::singleFactorIndex).reversed())
                .map(SoilFactorAssessment::metal)
                .toList();
        return new SoilAssessment(worst, limiting, factors, ph, band, landUse, SoilAssessment.GB15618_2018);
    }
}
