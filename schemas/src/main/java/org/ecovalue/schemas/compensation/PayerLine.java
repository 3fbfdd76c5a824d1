package org.ecovalue.schemas.compensation;

import java.math.BigDecimal;
import java.util.Objects;
import org.ecovalue.schemas.registry.Cny;

/** What one paying unit pays of an outcome: its share of the agreement and the amount, at scale 2. */
public record PayerLine(String party, BigDecimal share, BigDecimal amountCny) {
    public PayerLine {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(share, "share");
        amountCny = Cny.exactNonNegative(amountCny, "amountCny");
    }
}
