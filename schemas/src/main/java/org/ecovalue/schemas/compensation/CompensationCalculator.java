package org.ecovalue.schemas.compensation;

import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.scheme.ClassStepScheme;
import org.ecovalue.schemas.registry.scheme.CompensationScheme;
import org.ecovalue.schemas.registry.scheme.FluxScheme;
import org.ecovalue.schemas.registry.scheme.PIndexScheme;
import org.ecovalue.schemas.registry.scheme.ServiceValueShareScheme;
import org.ecovalue.schemas.registry.scheme.TieredExceedanceScheme;

/**
 * Turns a period of an agreement into a {@link CompensationOutcome}: one implementation per scheme of
 * REFERENCE.md §4 / §8.3, every parameter from the agreement. Pure and stateless: the Flink job and
 * the device simulator call the same code on the same data and get the same figure.
 */
public interface CompensationCalculator {

    /** The figure of the period. */
    CompensationOutcome calculate(SettlementBasis basis);

    /** The calculator of the agreement's scheme. */
    static CompensationCalculator of(Agreement agreement) {
        CompensationScheme scheme = agreement.scheme();
        if (scheme instanceof FluxScheme s) {
            return new FluxCalculator(agreement, s);
        } else if (scheme instanceof PIndexScheme s) {
            return new PIndexCalculator(agreement, s);
        } else if (scheme instanceof ClassStepScheme s) {
            return new ClassStepCalculator(agreement, s);
        } else if (scheme instanceof TieredExceedanceScheme s) {
            return new TieredExceedanceCalculator(agreement, s);
        } else if (scheme instanceof ServiceValueShareScheme s) {
            return new ServiceValueShareCalculator(agreement, s);
        }
        throw new IllegalArgumentException("no calculator for scheme " + scheme.schemeName());
    }
}
