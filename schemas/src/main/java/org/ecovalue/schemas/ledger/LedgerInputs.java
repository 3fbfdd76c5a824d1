package org.ecovalue.schemas.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.registry.FieldCheck;
import org.ecovalue.schemas.registry.InvalidFieldException;
import org.ecovalue.schemas.registry.StandardsJson;
import org.ecovalue.schemas.standards.water.WaterClass;

/**
 * The figures an amount was computed from, so that anyone can redo the arithmetic: the period means
 * of the scheme's factors (mg/L), the volume that crossed the section (m³), the hours with valid
 * data, the completeness (0..1), the section class and the scheme's index (P for p-index, the
 * exceedance multiple for tiered-exceedance, the change term's pollution index for class-step). A
 * scheme leaves out what it does not use.
 * <p>They are decimals, not doubles, because they are part of the hashed ledger entry: a decimal has
 * one written form in every language and on every JVM, a double's shortest form does not (JDK 17
 * and 19 print some doubles differently). {@link #of} rounds computed doubles to the scales below.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerInputs(
        Map<String, BigDecimal> meansMgL,
        BigDecimal volumeM3,
        Integer validHours,
        BigDecimal completeness,
        @JsonProperty("class")
        @JsonSerialize(using = StandardsJson.WaterClassLabelSerializer.class)
        @JsonDeserialize(using = StandardsJson.WaterClassLabelDeserializer.class)
        WaterClass waterClass,
        BigDecimal index) {

    /** 0.00001 mg/L: fine enough for the smallest GB 3838 limit (Hg, 0.00005 mg/L). */
    public static final int MEAN_SCALE = 5;
    /** Whole cubic metres: a river's monthly volume is millions of m³. */
    public static final int VOLUME_SCALE = 0;
    public static final int FRACTION_SCALE = 4;
    public static final int INDEX_SCALE = 4;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    public LedgerInputs {
        FieldCheck.present(meansMgL, "meansMgL");
        for (Map.Entry<String, BigDecimal> e : meansMgL.entrySet()) {
            if (Parameter.fromCode(e.getKey()).isEmpty()) {
                throw new InvalidFieldException("meansMgL", "unknown parameter code '" + e.getKey() + "'");
            }
            FieldCheck.present(e.getValue(), "meansMgL." + e.getKey());
            if (e.getValue().signum() < 0) {
                throw new InvalidFieldException("meansMgL." + e.getKey(), "must not be negative, got "
                        + e.getValue().toPlainString());
            }
        }
        // sorted, so that the wire form is in the same order as the canonical form
        meansMgL = Collections.unmodifiableSortedMap(new TreeMap<>(meansMgL));
        if (volumeM3 != null && volumeM3.signum() < 0) {
            throw new InvalidFieldException("volumeM3", "must not be negative, got " + volumeM3.toPlainString());
        }
        if (validHours != null) {
            FieldCheck.nonNegative(validHours, "validHours");
        }
        FieldCheck.present(completeness, "completeness");
        if (completeness.signum() < 0 || completeness.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidFieldException("completeness", "must be in [0, 1], got " + completeness.toPlainString());
        }
    }

    /** Inputs from computed doubles, rounded to {@link #MEAN_SCALE} etc.; pass null for what the scheme does not use. */
    public static LedgerInputs of(Map<String, Double> meansMgL, Double volumeM3, Integer validHours,
            double completeness, WaterClass waterClass, Double index) {
        Map<String, BigDecimal> means = new TreeMap<>();
        meansMgL.forEach((param, mean) -> means.put(param, decimal(mean, MEAN_SCALE, "meansMgL." + param)));
        return new LedgerInputs(means,
                volumeM3 == null ? null : decimal(volumeM3, VOLUME_SCALE, "volumeM3"),
                validHours,
                decimal(completeness, FRACTION_SCALE, "completeness"),
                waterClass,
                index == null ? null : decimal(index, INDEX_SCALE, "index"));
    }

    private static BigDecimal decimal(double value, int scale, String field) {
        FieldCheck.finite(value, field);
        return BigDecimal.valueOf(value).setScale(scale, ROUNDING);
    }
}
