package org.ecovalue.schemas.assess;

import java.util.Locale;
import java.util.Optional;

/** What {@code ecovalue assess} grades: water class, air quality index or soil risk class. */
public enum AssessKind {
    WATER, AIR, SOIL;

    /** "water", "air" or "soil", as typed on the command line. */
    public static Optional<AssessKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
