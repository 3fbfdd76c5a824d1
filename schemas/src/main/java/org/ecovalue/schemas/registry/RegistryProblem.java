package org.ecovalue.schemas.registry;

/**
 * One thing wrong with a registry: where (file and line, when it came from a file), which item
 * ({@code station/SW390121000001}, or {@code stations[3]} when the item has no usable id), which
 * field ({@code scheme.factors[1].param}) and what.
 */
public record RegistryProblem(String file, Integer line, String item, String field, String message) {

    public RegistryProblem {
        FieldCheck.text(item, "item");
        FieldCheck.text(field, "field");
        FieldCheck.text(message, "message");
    }

    /** A problem found in a registry without files (by {@link RegistryValidator}). */
    public static RegistryProblem of(String item, String field, String message) {
        return new RegistryProblem(null, null, item, field, message);
    }

    public RegistryProblem at(String newFile, Integer newLine) {
        return new RegistryProblem(newFile, newLine, item, field, message);
    }

    @Override
    public String toString() {
        String where = file == null ? "" : file + (line == null ? "" : ":" + line) + ": ";
        return where + item + ": " + field + ": " + message;
    }
}
