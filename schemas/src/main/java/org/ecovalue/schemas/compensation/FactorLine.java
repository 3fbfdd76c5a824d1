package org.ecovalue.schemas.compensation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One factor of an outcome: the period mean the scheme used (null when the factor had no valid hour:
 * missing, marked, never guessed), the target or baseline it was compared with (mg/L), the hours
 * that counted, and, where the scheme prices factors one by one (flux), the factor's signed amount
 * (positive: the upstream party owes it; negative: it is owed to the upstream party).
 */
public record FactorLine(String param, BigDecimal meanMgL, BigDecimal targetMgL, int validHours,
        BigDecimal signedAmountCny) {
    public FactorLine {
        Objects.requireNonNull(param, "param");
    }

    public boolean missing() {
        return meanMgL == null;
    }
}
