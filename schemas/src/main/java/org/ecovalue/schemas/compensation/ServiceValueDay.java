package org.ecovalue.schemas.compensation;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.ecovalue.schemas.registry.Cny;
import org.ecovalue.schemas.registry.EcoProduct;

/**
 * One day's inventory value of one product of a holder, as {@code eco.inventory} gives it: the
 * holder is the upstream unit itself or one of its grid cells (products the inventory keeps per
 * cell, e.g. water conservation). {@code completeness} is the inventory figure's own (0..1).
 */
public record ServiceValueDay(String holderId, EcoProduct product, LocalDate day, BigDecimal valueCny,
                              double completeness) implements Serializable {

    public ServiceValueDay {
        Objects.requireNonNull(holderId, "holderId");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(day, "day");
        valueCny = Cny.exactNonNegative(valueCny, "valueCny");
        if (!(completeness >= 0 && completeness <= 1)) {
            throw new IllegalArgumentException("completeness must be in [0, 1], got " + completeness);
        }
    }
}
