package org.ecovalue.schemas.assess;

import java.util.List;
import java.util.Map;
import org.ecovalue.schemas.reject.InputRejectedException;

/** The part of the assess command that differs between water, air and soil. */
interface KindAssessor {

    /** The value columns this kind understands, by code. */
    Map<String, Quantity> quantities();

    /** Whether "0.01L" / "&lt;0.01" (below detection limit) may stand for ½ DL. */
    boolean acceptsBelowDetectionLimit();

    /** Refuses a header this kind cannot work with (beyond what every kind needs). */
    default void check(InputColumns columns) throws InputRejectedException {
    }

    /** The columns added to the output, in order; {@code qc} last. */
    List<String> addedColumns(InputColumns columns);

    /**
     * Columns worth showing for a row that failed the common checks (the official class it was
     * published with); none by default.
     */
    default Map<String, Object> unassessedColumns(List<String> cells, InputColumns columns) {
        return Map.of();
    }

    /** Assesses a row that passed the common checks. Columns before rows: {@link #check} was called. */
    RowVerdict assess(RowInput row, InputColumns columns);
}
