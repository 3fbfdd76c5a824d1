package org.ecovalue.schemas.inventory;

import org.ecovalue.schemas.registry.FieldCheck;

/** How much of a product a unit holds, in the product's physical unit (m3, t, kWh …). */
public record Quantity(double value, String unit) {

    public Quantity {
        FieldCheck.finite(value, "value");
        FieldCheck.text(unit, "unit");
    }
}
