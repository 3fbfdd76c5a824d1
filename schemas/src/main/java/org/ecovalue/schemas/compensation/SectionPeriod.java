package org.ecovalue.schemas.compensation;

import java.math.BigDecimal;
import java.util.Objects;
import org.ecovalue.schemas.registry.Section;

/**
 * A section's monitoring over a settlement period. {@code priorIndex} is the previous period's index
 * for schemes with a change term (class-step {@code indexChange}), as the previous ledger entry's
 * {@code inputs.index} holds it; null when there is none (the change term is then left out, and said so).
 */
public record SectionPeriod(Section section, PeriodAccumulator data, BigDecimal priorIndex) implements SettlementBasis {

    public SectionPeriod {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(data, "data");
        // zero is possible: an index of very clean water rounds to 0.0000 (the change term then has no base)
        if (priorIndex != null && priorIndex.signum() < 0) {
            throw new IllegalArgumentException("a prior index is not negative, got " + priorIndex.toPlainString());
        }
    }

    public SectionPeriod(Section section, PeriodAccumulator data) {
        this(section, data, null);
    }

    @Override
    public String period() {
        return data.period();
    }
}
