package org.ecovalue.schemas.standards.air;

import java.util.Objects;

/**
 * An individual index (空气质量分指数, IAQI): the column it was scored on, the concentration scored,
 * the IAQI rounded up to an integer, and the basis (table or clause) it came from.
 */
public record IndividualAqi(AqiIndicator indicator, double concentration, int iaqi, String basis) {

    public IndividualAqi {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(basis, "basis");
    }
}
