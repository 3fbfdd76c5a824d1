package org.ecovalue.schemas.registry.scheme;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.ecovalue.schemas.registry.FieldCheck;
import org.ecovalue.schemas.registry.InvalidFieldException;

/**
 * Flux pricing, Jiangsu 水环境区域补偿 (REFERENCE.md §4.2): per factor
 * (C − C_target) [mg/L] × monthly volume [m³] × 10⁻⁶ [t] × price [¥/t], summed over factors.
 * With {@code twoWay} (苏政办发〔2013〕195号) a section better than its target earns the upstream
 * unit money from downstream; without it only the upstream unit's exceedance is paid.
 */
public record FluxScheme(List<Factor> factors, boolean twoWay) implements CompensationScheme {

    public static final String NAME = "flux";

    public FluxScheme {
        factors = SchemeFields.nonEmpty(factors, "factors");
        SchemeFields.distinct(factors.stream().map(Factor::param).toList(), "factors");
    }

    /**
     * One priced pollutant. {@code targetMgL} is the section's control target for it; when absent it
     * is the GB 3838-2002 Table 1 limit of the section's target class.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Factor(String param, BigDecimal priceCnyPerTonne, Double targetMgL) {
        public Factor {
            param = SchemeFields.concentrationParam(param);
            FieldCheck.present(priceCnyPerTonne, "priceCnyPerTonne");
            if (priceCnyPerTonne.signum() <= 0) {
                throw new InvalidFieldException("priceCnyPerTonne", "must be positive, got "
                        + priceCnyPerTonne.toPlainString());
            }
            targetMgL = SchemeFields.optionalTarget(targetMgL);
        }
    }

    @Override
    public String schemeName() {
        return NAME;
    }

    @Override
    public boolean needsFlow() {
        return true;
    }
}
