package org.ecovalue.schemas.registry.scheme;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.ecovalue.schemas.registry.Cny;
import org.ecovalue.schemas.registry.FieldCheck;

/**
 * The Xin'an River P index (REFERENCE.md §4.1): P = K0 × Σ k_i × C_i / C_i0 over the period means.
 * P ≤ {@code threshold} (the baseline is met): downstream pays upstream {@code amountCny};
 * P above it: upstream pays downstream. Round 1 used K0 0.85, k_i 0.25 for CODMn, NH3-N, TN, TP and
 * ¥100 m; those figures are [M], so all of them are configuration.
 */
public record PIndexScheme(
        @JsonProperty(required = true) double k0,
        List<Factor> factors,
        @JsonProperty(required = true) double threshold,
        BigDecimal amountCny) implements CompensationScheme {

    public static final String NAME = "p-index";

    public PIndexScheme {
        FieldCheck.positive(k0, "k0");
        factors = SchemeFields.nonEmpty(factors, "factors");
        SchemeFields.distinct(factors.stream().map(Factor::param).toList(), "factors");
        FieldCheck.positive(threshold, "threshold");
        amountCny = Cny.exactNonNegative(amountCny, "amountCny");
    }

    /** k_i and C_i0 of one indicator. */
    public record Factor(
            String param,
            @JsonProperty(required = true) double weight,
            @JsonProperty(required = true) double baselineMgL) {
        public Factor {
            param = SchemeFields.concentrationParam(param);
            FieldCheck.positive(weight, "weight");
            FieldCheck.positive(baselineMgL, "baselineMgL");
        }
    }

    @Override
    public String schemeName() {
        return NAME;
    }
}
