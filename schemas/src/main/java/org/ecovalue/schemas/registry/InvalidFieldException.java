package org.ecovalue.schemas.registry;

import java.util.Objects;

/**
 * A record refused a value in its compact constructor. It names the field so that whoever built the
 * record from configuration or from the wire can point at it ("gridCell/QX-G01: areaKm2: must be
 * positive, got -3.0") instead of printing a stack trace.
 */
public final class InvalidFieldException extends IllegalArgumentException {

    private final String field;
    private final String problem;

    public InvalidFieldException(String field, String problem) {
        super(field + ": " + problem);
        this.field = Objects.requireNonNull(field, "field");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The field as named on the wire and in YAML ({@code areaKm2}, {@code factors[1].param}). */
    public String field() {
        return field;
    }

    /** What is wrong with it, without the field name. */
    public String problem() {
        return problem;
    }

    /** The same problem seen from an enclosing record: {@code param} inside {@code factors[1]}. */
    public InvalidFieldException inside(String parentField) {
        return new InvalidFieldException(parentField + "." + field, problem);
    }
}
