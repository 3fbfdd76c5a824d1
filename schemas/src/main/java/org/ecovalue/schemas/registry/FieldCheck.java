package org.ecovalue.schemas.registry;

import java.util.regex.Pattern;

/**
 * The checks that the contract records run in their compact constructors. Each failure is an
 * {@link InvalidFieldException} naming the field, so a bad YAML item or Kafka record is reported
 * precisely by whoever constructs it.
 */
public final class FieldCheck {

    /**
     * Ids end up in Kafka keys ({@code {kind}/{id}}, {@code {unitId}/{product}}) and MQTT topics
     * ({@code ecovalue/v1/{stationId}/obs}), so '/', '+', '#' and blanks are excluded. 64 characters
     * leave room for HJ 212 MNs (at most 24) and readable section and agreement ids.
     */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private FieldCheck() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
        return value;
    }

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        return value;
    }

    /** An id usable in Kafka keys and MQTT topics. */
    public static String id(String value, String field) {
        text(value, field);
        if (!ID.matcher(value).matches()) {
            throw new InvalidFieldException(field, "'" + value
                    + "' is not a valid id (letters, digits, '.', '_', '-'; at most 64; no '/')");
        }
        return value;
    }

    /** An optional reference: null is fine, anything else must be a valid id. */
    public static String optionalId(String value, String field) {
        return value == null ? null : id(value, field);
    }

    public static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new InvalidFieldException(field, "must be a finite number, got " + value);
        }
        return value;
    }

    public static double positive(double value, String field) {
        finite(value, field);
        if (value <= 0) {
            throw new InvalidFieldException(field, "must be positive, got " + value);
        }
        return value;
    }

    public static double nonNegative(double value, String field) {
        finite(value, field);
        if (value < 0) {
            throw new InvalidFieldException(field, "must not be negative, got " + value);
        }
        return value;
    }

    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new InvalidFieldException(field, "must not be negative, got " + value);
        }
        return value;
    }

    public static double between(double value, double min, double max, String field) {
        finite(value, field);
        if (value < min || value > max) {
            throw new InvalidFieldException(field, "must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /** A share, completeness or weight: 0 to 1 inclusive. */
    public static double fraction(double value, String field) {
        return between(value, 0.0, 1.0, field);
    }
}
