package org.ecovalue.schemas.assess;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an assessment adds to a row: the values of its added columns (strings, integers or lists of
 * strings; null when empty), the qc remarks, whether the row was assessed and whether it contradicts
 * a published official class.
 */
record RowVerdict(Map<String, Object> columns, List<String> qc, boolean assessed, boolean classMismatch) {

    RowVerdict {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        qc = List.copyOf(qc);
    }

    static RowVerdict notAssessed(List<String> qc) {
        return notAssessed(Map.of(), qc);
    }

    static RowVerdict notAssessed(Map<String, Object> columns, List<String> qc) {
        return new RowVerdict(columns, qc, false, false);
    }
}
