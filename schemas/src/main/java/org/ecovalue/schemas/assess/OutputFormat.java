package org.ecovalue.schemas.assess;

/** CSV (the input columns plus the assessment's) or one JSON object per line with the same keys. */
public enum OutputFormat {
    CSV, JSON_LINES
}
