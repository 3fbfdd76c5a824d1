package org.ecovalue.schemas.registry.scheme;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import org.ecovalue.schemas.registry.Cny;
import org.ecovalue.schemas.registry.FieldCheck;
import org.ecovalue.schemas.registry.InvalidFieldException;
import org.ecovalue.schemas.registry.StandardsJson;
import org.ecovalue.schemas.standards.water.WaterClass;

/**
 * Class steps, as between Henan and Shandong at 刘庄 (REFERENCE.md §4.3): the period class of the
 * section against {@code baselineClass}; each class better, downstream pays upstream
 * {@code amountPerClassCny}; each class worse, upstream pays downstream as much; 劣V counts as one
 * step below V. {@code maxAmountCny}, when set, caps one period's amount.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClassStepScheme(
        @JsonSerialize(using = StandardsJson.WaterClassLabelSerializer.class)
        @JsonDeserialize(using = StandardsJson.WaterClassLabelDeserializer.class)
        WaterClass baselineClass,
        BigDecimal amountPerClassCny,
        BigDecimal maxAmountCny) implements CompensationScheme {

    public static final String NAME = "class-step";

    public ClassStepScheme {
        FieldCheck.present(baselineClass, "baselineClass");
        if (baselineClass == WaterClass.WORSE_THAN_V) {
            throw new InvalidFieldException("baselineClass", "a baseline class is I, II, III, IV or V, not 劣V");
        }
        amountPerClassCny = Cny.exactNonNegative(amountPerClassCny, "amountPerClassCny");
        if (maxAmountCny != null) {
            maxAmountCny = Cny.exactNonNegative(maxAmountCny, "maxAmountCny");
        }
    }

    @Override
    public String schemeName() {
        return NAME;
    }
}
