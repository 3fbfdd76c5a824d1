package org.ecovalue.schemas.registry;

import java.math.BigDecimal;

/**
 * A unit price as looked up for a date, with the reference an inventory record cites in
 * {@code value.priceRef}: {@code {table}/{product}[.{component}]@{validFrom}}.
 */
public record Price(String priceRef, BigDecimal priceCny, String unit, String source) {

    public Price {
        FieldCheck.text(priceRef, "priceRef");
        FieldCheck.present(priceCny, "priceCny");
        FieldCheck.text(unit, "unit");
    }

    /** quantity × price, rounded to the fen. */
    public BigDecimal valueOf(BigDecimal quantity) {
        return Cny.round(quantity.multiply(priceCny));
    }
}
