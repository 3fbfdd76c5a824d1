package org.ecovalue.schemas.inventory;

import java.math.BigDecimal;
import org.ecovalue.schemas.registry.Cny;
import org.ecovalue.schemas.registry.FieldCheck;

/**
 * What a quantity is worth, with the price it was valued at ({@code priceRef}, as
 * {@link org.ecovalue.schemas.registry.Price#priceRef()} gives it), so that every figure traces back to
 * a configured price.
 */
public record Valuation(BigDecimal cny, String priceRef) {

    public Valuation {
        cny = Cny.exactNonNegative(cny, "cny");
        FieldCheck.text(priceRef, "priceRef");
    }
}
