package org.ecovalue.schemas.assess;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;

/**
 * The header of an input file, resolved: every column keeps its name for the output; the columns the
 * assessment understands are known by code, value columns with the conversion from the unit in
 * their header. Columns it does not understand pass through untouched.
 */
final class InputColumns {

    /** A value column: where it is, what it is, and how to bring it to the canonical unit. */
    record ValueColumn(int index, Quantity quantity, DoubleUnaryOperator toCanonical) {
    }

    private final List<String> names;
    private final Map<String, Integer> indexByCode;
    private final Map<String, ValueColumn> valueColumns;

    private InputColumns(List<String> names, Map<String, Integer> indexByCode, Map<String, ValueColumn> valueColumns) {
        this.names = List.copyOf(names);
        this.indexByCode = Map.copyOf(indexByCode);
        this.valueColumns = Collections.unmodifiableMap(new LinkedHashMap<>(valueColumns));
    }

    /**
     * @throws InputRejectedException {@code missing-field} when there is no station or ts column,
     *     {@code duplicate-parameter} when two columns mean the same thing, {@code unknown-unit} or
     *     {@code unit-not-convertible} for a unit in a header that cannot be converted exactly
     */
    static InputColumns resolve(AssessKind kind, List<String> header, Map<String, Quantity> quantities)
            throws InputRejectedException {
        List<String> names = header.stream().map(h -> h.replace("\uFEFF", "").trim()).toList();
        Map<String, Integer> indexByCode = new HashMap<>();
        Map<String, ValueColumn> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Optional<String> code = ColumnAliases.codeOf(kind, name, quantities);
            String unit = null;
            if (code.isEmpty()) {
                ColumnAliases.HeaderName split = ColumnAliases.split(name);
                code = ColumnAliases.codeOf(kind, split.name(), quantities);
                unit = split.unit();
            }
            if (code.isEmpty()) {
                continue;
            }
            Integer before = indexByCode.put(code.get(), i);
            if (before != null) {
                throw new InputRejectedException(RejectReason.DUPLICATE_PARAMETER, "columns '" + names.get(before)
                        + "' and '" + name + "' both mean " + code.get());
            }
            Quantity q = quantities.get(code.get());
            if (q != null) {
                values.put(code.get(), new ValueColumn(i, q, q.converterFrom(unit)));
            }
        }
        for (String required : List.of(ColumnAliases.STATION, ColumnAliases.TS)) {
            if (!indexByCode.containsKey(required)) {
                throw new InputRejectedException(RejectReason.MISSING_FIELD, "the header has no '" + required
                        + "' column" + (required.equals(ColumnAliases.TS) ? " (or 监测时间)" : " (or 断面名称)")
                        + ": " + names);
            }
        }
        return new InputColumns(names, indexByCode, values);
    }

    List<String> names() {
        return names;
    }

    boolean has(String code) {
        return indexByCode.containsKey(code);
    }

    /** The cell of a coded column, trimmed; empty when the column is absent or the cell blank. */
    Optional<String> cell(List<String> cells, String code) {
        Integer i = indexByCode.get(code);
        if (i == null || i >= cells.size()) {
            return Optional.empty();
        }
        String v = cells.get(i).trim();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** Value columns in header order. */
    Map<String, ValueColumn> valueColumns() {
        return valueColumns;
    }
}
