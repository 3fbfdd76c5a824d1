package org.ecovalue.schemas.standards.air;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a version of HJ 633 does with a concentration above the last breakpoint of a column that stops
 * short of IAQI 500 (SO2 1h and O3 8h stop at 800 µg/m³): either report another column's IAQI
 * instead, or a fixed IAQI.
 */
public record BeyondTableRule(AqiIndicator indicator, Optional<AqiIndicator> reportInstead, OptionalInt fixedIaqi,
        String clause) {

    public BeyondTableRule {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(clause, "clause");
        if (reportInstead.isPresent() == fixedIaqi.isPresent()) {
            throw new IllegalArgumentException(indicator + ": either another column or a fixed IAQI");
        }
    }

    static BeyondTableRule reportInstead(AqiIndicator indicator, AqiIndicator instead, String clause) {
        return new BeyondTableRule(indicator, Optional.of(instead), OptionalInt.empty(), clause);
    }

    static BeyondTableRule fixed(AqiIndicator indicator, int iaqi, String clause) {
        return new BeyondTableRule(indicator, Optional.empty(), OptionalInt.of(iaqi), clause);
    }
}
