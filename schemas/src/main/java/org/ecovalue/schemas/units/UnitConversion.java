package org.ecovalue.schemas.units;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;

/**
 * Converts a reading to its parameter's canonical unit. Only conversions that are exact by
 * definition are done (mg/L ↔ µg/L, L/s ↔ m3/s, K ↔ °C, …). Conversions that need conditions the
 * station did not send (ppb → µg/m3 needs temperature and pressure) are refused with a reason.
 */
public final class UnitConversion {

    /** Spellings of the same unit, folded to one key before lookup. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("mg/l", "mg/L"), Map.entry("g/m3", "mg/L"), Map.entry("g/m³", "mg/L"),
            Map.entry("ug/l", "µg/L"), Map.entry("μg/l", "µg/L"), Map.entry("µg/l", "µg/L"),
            Map.entry("ug/m3", "µg/m3"), Map.entry("μg/m3", "µg/m3"), Map.entry("µg/m3", "µg/m3"),
            Map.entry("ug/m³", "µg/m3"), Map.entry("μg/m³", "µg/m3"), Map.entry("µg/m³", "µg/m3"),
            Map.entry("mg/m3", "mg/m3"), Map.entry("mg/m³", "mg/m3"),
            Map.entry("m3/s", "m3/s"), Map.entry("m³/s", "m3/s"), Map.entry("l/s", "L/s"),
            Map.entry("m3/h", "m3/h"), Map.entry("m³/h", "m3/h"),
            Map.entry("m", "m"), Map.entry("cm", "cm"), Map.entry("mm", "mm"),
            Map.entry("°c", "°C"), Map.entry("℃", "°C"), Map.entry("c", "°C"), Map.entry("degc", "°C"),
            Map.entry("k", "K"),
            Map.entry("us/cm", "µS/cm"), Map.entry("μs/cm", "µS/cm"), Map.entry("µs/cm", "µS/cm"),
            Map.entry("ms/cm", "mS/cm"), Map.entry("ms/m", "mS/m"),
            Map.entry("ntu", "NTU"),
            Map.entry("", ""), Map.entry("ph", ""), Map.entry("1", ""), Map.entry("-", ""),
            Map.entry("ions/cm3", "ions/cm3"), Map.entry("个/cm3", "ions/cm3"), Map.entry("个/cm³", "ions/cm3"),
            Map.entry("ions/cm³", "ions/cm3"),
            Map.entry("%", "%"),
            Map.entry("m/s", "m/s"), Map.entry("km/h", "km/h"),
            Map.entry("w/m2", "W/m2"), Map.entry("w/m²", "W/m2"),
            Map.entry("hpa", "hPa"), Map.entry("kpa", "kPa"), Map.entry("pa", "Pa"), Map.entry("mbar", "hPa"),
            Map.entry("mg/kg", "mg/kg"), Map.entry("ug/g", "mg/kg"), Map.entry("μg/g", "mg/kg"), Map.entry("µg/g", "mg/kg"),
            Map.entry("g/kg", "g/kg"), Map.entry("ppm", "ppm"), Map.entry("ppb", "ppb"));

    /** (from, to) → exact conversion. The identity is implied. */
    private static final Map<String, DoubleUnaryOperator> EXACT = Map.ofEntries(
            Map.entry("µg/L>mg/L", v -> v / 1000.0),
            Map.entry("L/s>m3/s", v -> v / 1000.0),
            Map.entry("m3/h>m3/s", v -> v / 3600.0),
            Map.entry("cm>m", v -> v / 100.0),
            Map.entry("mm>m", v -> v / 1000.0),
            Map.entry("K>°C", v -> v - 273.15),
            Map.entry("mS/cm>µS/cm", v -> v * 1000.0),
            Map.entry("mS/m>µS/cm", v -> v * 10.0),
            Map.entry("mg/m3>µg/m3", v -> v * 1000.0),
            Map.entry("µg/m3>mg/m3", v -> v / 1000.0),
            Map.entry("km/h>m/s", v -> v / 3.6),
            Map.entry("kPa>hPa", v -> v * 10.0),
            Map.entry("Pa>hPa", v -> v / 100.0),
            Map.entry("g/kg>mg/kg", v -> v * 1000.0),
            // ppm in soil is a mass fraction: 1 ppm = 1 mg/kg exactly. (In air ppm is a volume fraction: refused.)
            Map.entry("ppm>mg/kg", v -> v));

    private UnitConversion() {
    }

    /** The canonical spelling of a unit, if it is one we know. */
    public static Optional<String> normalise(String unit) {
        if (unit == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(ALIASES.get(unit.trim().toLowerCase(Locale.ROOT)));
    }

    /**
     * The value in the parameter's canonical unit.
     *
     * @throws InputRejectedException {@code unknown-unit} for a unit we do not know at all,
     *     {@code unit-not-convertible} for a known unit with no exact conversion to the canonical one
     */
    public static double toCanonical(Parameter parameter, double value, String unit) throws InputRejectedException {
        String from = normalise(unit).orElseThrow(() -> new InputRejectedException(RejectReason.UNKNOWN_UNIT,
                "unit '" + unit + "' of " + parameter.code() + " is not a unit we know"));
        String to = parameter.canonicalUnit();
        if (from.equals(to)) {
            return value;
        }
        DoubleUnaryOperator op = EXACT.get(from + ">" + to);
        if (op == null) {
            throw new InputRejectedException(RejectReason.UNIT_NOT_CONVERTIBLE,
                    parameter.code() + " in '" + unit + "' has no exact conversion to '" + to + "'");
        }
        return op.applyAsDouble(value);
    }
}
