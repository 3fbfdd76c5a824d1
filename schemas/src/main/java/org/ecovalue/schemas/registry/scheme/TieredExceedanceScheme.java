package org.ecovalue.schemas.registry.scheme;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.ecovalue.schemas.registry.Cny;
import org.ecovalue.schemas.registry.FieldCheck;
import org.ecovalue.schemas.registry.InvalidFieldException;

/**
 * Tiered penalty by exceedance multiple m = (C − C_target)/C_target (Zhoukou; Jiangsu 2021, REFERENCE.md
 * §4.3). The factors' multiples are combined by {@code aggregate} (the scheme says max or sum);
 * m ≤ {@code minMultiple} costs nothing; otherwise the first tier whose {@code upToMultiple} is ≥ m
 * applies (the last tier may be open), and with {@code scaleByMultiple} its amount is multiplied by
 * (1 + m) as in Zhoukou. The upstream unit pays the downstream one.
 */
public record TieredExceedanceScheme(
        List<Factor> factors,
        Aggregate aggregate,
        @JsonProperty(required = true) double minMultiple,
        List<Tier> tiers,
        boolean scaleByMultiple) implements CompensationScheme {

    public static final String NAME = "tiered-exceedance";

    public TieredExceedanceScheme {
        factors = SchemeFields.nonEmpty(factors, "factors");
        SchemeFields.distinct(factors.stream().map(Factor::param).toList(), "factors");
        FieldCheck.present(aggregate, "aggregate");
        FieldCheck.nonNegative(minMultiple, "minMultiple");
        tiers = SchemeFields.nonEmpty(tiers, "tiers");
        double lower = minMultiple;
        for (int i = 0; i < tiers.size(); i++) {
            Double upTo = tiers.get(i).upToMultiple();
            boolean last = i == tiers.size() - 1;
            if (upTo == null && !last) {
                throw new InvalidFieldException("tiers[" + i + "].upToMultiple", "only the last tier may be open");
            }
            if (upTo != null && upTo <= lower) {
                throw new InvalidFieldException("tiers[" + i + "].upToMultiple", "must be above " + lower
                        + " (tiers ascend from minMultiple)");
            }
            lower = upTo == null ? lower : upTo;
        }
    }

    /** How the factors' multiples become one. */
    public enum Aggregate {
        MAX, SUM;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Aggregate ofCode(String code) {
            for (Aggregate a : values()) {
                if (a.code().equals(code)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown aggregate '" + code + "' (max|sum)");
        }
    }

    /** A pollutant and its target; absent target: the GB 3838 limit of the section's target class. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Factor(String param, Double targetMgL) {
        public Factor {
            param = SchemeFields.concentrationParam(param);
            targetMgL = SchemeFields.optionalTarget(targetMgL);
        }
    }

    /** Up to (and including) {@code upToMultiple}, or open when null, the period costs {@code amountCny}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tier(Double upToMultiple, BigDecimal amountCny) {
        public Tier {
            if (upToMultiple != null) {
                FieldCheck.positive(upToMultiple, "upToMultiple");
            }
            amountCny = Cny.exactNonNegative(amountCny, "amountCny");
        }
    }

    @Override
    public String schemeName() {
        return NAME;
    }
}
