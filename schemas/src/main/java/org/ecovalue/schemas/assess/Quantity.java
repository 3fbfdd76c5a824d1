package org.ecovalue.schemas.assess;

import java.util.function.DoubleUnaryOperator;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;
import org.ecovalue.schemas.units.UnitConversion;

/**
 * A value column an assessment understands: its code, the pipeline parameter it is (null for
 * laboratory-only water items such as Cu in water), the unit the standards' limits are written in,
 * and the range outside which a value is impossible (not a quality judgement).
 */
record Quantity(String code, Parameter parameter, String canonicalUnit, double physicalMin, double physicalMax) {

    /** The pipeline parameter with its own physical range. */
    static Quantity of(Parameter p) {
        return new Quantity(p.code(), p, p.canonicalUnit(), p.physicalMin(), p.physicalMax());
    }

    /** A concentration the pipeline does not carry: any finite non-negative value. */
    static Quantity concentration(String code, Parameter parameter, String canonicalUnit) {
        return new Quantity(code, parameter, canonicalUnit, 0, Double.MAX_VALUE);
    }

    boolean isPhysicallyPossible(double value) {
        return Double.isFinite(value) && value >= physicalMin && value <= physicalMax;
    }

    /**
     * The conversion from the unit written in a header ("氨氮(μg/L)") to the canonical unit, with the
     * pipeline's own exact conversions; a header without a unit is taken to be in the canonical unit.
     */
    DoubleUnaryOperator converterFrom(String headerUnit) throws InputRejectedException {
        if (headerUnit == null || headerUnit.isBlank() || headerUnit.equals("无量纲")) {
            return DoubleUnaryOperator.identity();
        }
        if (parameter != null) {
            UnitConversion.toCanonical(parameter, 1.0, headerUnit); // refuses an unknown unit up front
            return v -> {
                try {
                    return UnitConversion.toCanonical(parameter, v, headerUnit);
                } catch (InputRejectedException e) {
                    throw new IllegalStateException("accepted once, refused later: " + headerUnit, e);
                }
            };
        }
        String unit = UnitConversion.normalise(headerUnit).orElse(headerUnit.trim());
        if (unit.equals(canonicalUnit)) {
            return DoubleUnaryOperator.identity();
        }
        if (unit.equals("µg/L") && canonicalUnit.equals("mg/L")) {
            return v -> v / 1000.0;
        }
        throw new InputRejectedException(RejectReason.UNIT_NOT_CONVERTIBLE,
                code + " in '" + headerUnit + "' has no exact conversion to '" + canonicalUnit + "'");
    }
}
