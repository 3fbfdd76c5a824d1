package org.ecovalue.schemas.registry.scheme;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.ecovalue.schemas.registry.Cny;
import org.ecovalue.schemas.registry.FieldCheck;
import org.ecovalue.schemas.registry.InvalidFieldException;
import org.ecovalue.schemas.registry.StandardsJson;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.ecovalue.schemas.standards.water.WaterItem;
import org.ecovalue.schemas.standards.water.WaterRule;

/**
 * Class steps, as between Henan and Shandong at 刘庄 (REFERENCE.md §4.3): the period class of the
 * section against {@code baselineClass}; each class better, downstream pays upstream
 * {@code amountPerClassCny}; each class worse, upstream pays downstream as much; 劣V counts as one
 * step below V. {@code maxAmountCny}, when set, caps one period's amount.
 * <p>{@code factors} (optional) are the items whose period means decide the class by the GB 3838
 * single-factor method; absent, every item of the period rule that was measured counts
 * (《地表水环境质量评价办法（试行）》). {@code indexChange} (optional) is the change term of the
 * Yellow River agreement: a pollution index of some factors compared with the previous period's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClassStepScheme(
        @JsonSerialize(using = StandardsJson.WaterClassLabelSerializer.class)
        @JsonDeserialize(using = StandardsJson.WaterClassLabelDeserializer.class)
        WaterClass baselineClass,
        BigDecimal amountPerClassCny,
        BigDecimal maxAmountCny,
        List<String> factors,
        IndexChange indexChange) implements CompensationScheme {

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
        if (factors != null) {
            List<String> checked = SchemeFields.nonEmpty(factors, "factors");
            factors = IntStream.range(0, checked.size())
                    .mapToObj(i -> classFactor(checked.get(i), "factors[" + i + "]")).toList();
            SchemeFields.distinct(factors, "factors");
        }
    }

    /** Class steps only, every measured period item deciding the class (the form before factors and indexChange). */
    public ClassStepScheme(WaterClass baselineClass, BigDecimal amountPerClassCny, BigDecimal maxAmountCny) {
        this(baselineClass, amountPerClassCny, maxAmountCny, null, null);
    }

    /**
     * The Yellow River change term (REFERENCE.md §4.3: each percentage point the COD/NH3-N/TP index
     * falls year on year, Shandong pays Henan ¥1 m; each point it rises, Henan pays; at most ¥40 m).
     * The index is the mean of C_i / S_i over {@code factors}, S_i the GB 3838 limit of the baseline
     * class; {@code amountPerPointCny} per percentage point of relative change, capped at {@code capCny}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndexChange(List<String> factors, BigDecimal amountPerPointCny, BigDecimal capCny) {
        public IndexChange {
            factors = SchemeFields.nonEmpty(factors, "indexChange.factors").stream()
                    .map(SchemeFields::concentrationParam).toList();
            SchemeFields.distinct(factors, "indexChange.factors");
            amountPerPointCny = Cny.exactNonNegative(amountPerPointCny, "indexChange.amountPerPointCny");
            if (capCny != null) {
                capCny = Cny.exactNonNegative(capCny, "indexChange.capCny");
            }
        }
    }

    /** A class factor is an item the period rule grades (pH and DO included) that the pipeline measures. */
    private static String classFactor(String code, String field) {
        FieldCheck.text(code, field);
        WaterItem item = WaterItem.fromCode(code).filter(i -> i.parameter().isPresent())
                .orElseThrow(() -> new InvalidFieldException(field, "'" + code + "' is not a measured GB 3838 item"));
        if (!WaterRule.PERIOD.evaluated().contains(item)) {
            throw new InvalidFieldException(field, "'" + code + "' does not decide a period class (GB 3838 reference item)");
        }
        return item.code();
    }

    @Override
    public String schemeName() {
        return NAME;
    }
}
