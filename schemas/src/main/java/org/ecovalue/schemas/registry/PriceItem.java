package org.ecovalue.schemas.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One unit price of a price table: {@code priceCny} yuan per {@code unit} of the product (or of one
 * {@code component} of it, e.g. the COD removed by water purification), valid from a date until a
 * later item for the same product and component takes over. A unit price is a rate, not an amount,
 * so it keeps the decimals of its source (6.1107 ¥/m³ in LY/T 1721-2008); the amount computed with
 * it is rounded to the fen. {@code source} names where the figure comes from (REFERENCE.md §9: every
 * [L]/[M] price is configuration with a documented origin).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PriceItem(
        EcoProduct product,
        String component,
        BigDecimal priceCny,
        String unit,
        String source,
        LocalDate validFrom) {

    public PriceItem {
        FieldCheck.present(product, "product");
        if (component != null) {
            FieldCheck.id(component, "component");
        }
        FieldCheck.present(priceCny, "priceCny");
        if (priceCny.signum() <= 0) {
            throw new InvalidFieldException("priceCny", "must be positive, got " + priceCny.toPlainString());
        }
        FieldCheck.text(unit, "unit");
        FieldCheck.text(source, "source");
        FieldCheck.present(validFrom, "validFrom");
    }

    boolean sameSlotAs(PriceItem other) {
        return product == other.product && Objects.equals(component, other.component)
                && validFrom.equals(other.validFrom);
    }
}
