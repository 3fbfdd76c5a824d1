package org.ecovalue.schemas.registry.scheme;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.FieldCheck;
import org.ecovalue.schemas.registry.InvalidFieldException;

/**
 * Ecosystem-service value share, as in Ezhou (REFERENCE.md §4.4): the upstream party provides the
 * value of {@code products} in its inventory, priced with {@code priceTable}; the payers owe
 * {@code share} of it (鄂州政办发〔2017〕33号 starts at 0.20 and raises it year by year: one agreement
 * per year, each with its share). Who pays how much is the agreement's {@code payerShares}
 * (there: city 0.7, the receiving district 0.3). It does not settle on a section.
 */
public record ServiceValueShareScheme(
        @JsonProperty(required = true) double share,
        List<EcoProduct> products,
        String priceTable) implements CompensationScheme {

    public static final String NAME = "service-value-share";

    public ServiceValueShareScheme {
        FieldCheck.fraction(share, "share");
        if (share == 0) {
            throw new InvalidFieldException("share", "must be above 0");
        }
        products = SchemeFields.nonEmpty(products, "products");
        if (products.stream().distinct().count() != products.size()) {
            throw new InvalidFieldException("products", "a product appears twice");
        }
        FieldCheck.id(priceTable, "priceTable");
    }

    @Override
    public String schemeName() {
        return NAME;
    }

    @Override
    public boolean settlesOnSection() {
        return false;
    }
}
