package org.ecovalue.schemas.registry.scheme;

import java.util.List;
import org.ecovalue.schemas.observation.Domain;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.registry.FieldCheck;
import org.ecovalue.schemas.registry.InvalidFieldException;

/** Checks the schemes share, each failure naming the field. */
final class SchemeFields {

    private SchemeFields() {
    }

    /**
     * A factor's {@code param} is a canonical water parameter measured as a concentration in mg/L,
     * because the formulas divide or multiply concentrations (ΔC [mg/L] × Q [m³] × 10⁻⁶ = load [t],
     * REFERENCE.md §4). pH, DO (a floor, not a load) or flow cannot be factors.
     */
    static String concentrationParam(String param) {
        FieldCheck.text(param, "param");
        Parameter p = Parameter.fromCode(param).orElseThrow(() ->
                new InvalidFieldException("param", "unknown parameter code '" + param + "'"));
        if (p.domain() != Domain.WATER || !"mg/L".equals(p.canonicalUnit()) || p == Parameter.DO) {
            throw new InvalidFieldException("param", "'" + param
                    + "' is not a water pollutant measured in mg/L (e.g. codmn, nh3n, tp, tn, cod, bod5)");
        }
        return p.code();
    }

    static Double optionalTarget(Double targetMgL) {
        if (targetMgL != null) {
            FieldCheck.positive(targetMgL, "targetMgL");
        }
        return targetMgL;
    }

    /** Refuses the second factor on the same parameter: it would count the pollutant twice. */
    static void distinct(List<String> params, String field) {
        for (int i = 0; i < params.size(); i++) {
            if (params.subList(0, i).contains(params.get(i))) {
                throw new InvalidFieldException(field + "[" + i + "].param", "'" + params.get(i) + "' appears twice");
            }
        }
    }

    static <T> List<T> nonEmpty(List<T> list, String field) {
        FieldCheck.present(list, field);
        if (list.isEmpty()) {
            throw new InvalidFieldException(field, "needs at least one entry");
        }
        for (int i = 0; i < list.size(); i++) {
            FieldCheck.present(list.get(i), field + "[" + i + "]");
        }
        return List.copyOf(list);
    }
}
