package org.ecovalue.schemas.assess;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;
import org.ecovalue.schemas.standards.water.BelowDetectionLimit;

/**
 * One data row, checked the way the pipeline checks an observation: a station, a valid time, and
 * values that are numbers and physically possible. {@code values} are in canonical units by code.
 */
record RowInput(int number, List<String> cells, String station, Instant ts, Map<String, Double> values) {

    /** Decimal numbers only: Java would also take "1d", "NaN" or "0x1p3", which no table means. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /** What published tables write for "no value". */
    private static final Set<String> NO_VALUE = Set.of("-", "--", "—", "/", "NA", "N/A", "na", "n/a");

    RowInput {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(ts, "ts");
        cells = List.copyOf(cells);
        values = Map.copyOf(values);
    }

    /** A row, or the reasons (qc codes) it cannot be assessed. */
    record Parsed(Optional<RowInput> row, List<String> problems) {
    }

    static Parsed parse(int number, List<String> cells, InputColumns columns, AssessOptions options,
            boolean belowDetectionLimitAllowed) {
        List<String> problems = new ArrayList<>();
        if (cells.size() > columns.names().size()) {
            problems.add(qc(RejectReason.BAD_ROW, cells.size() + " cells, the header has " + columns.names().size()));
        }
        Optional<String> station = columns.cell(cells, ColumnAliases.STATION);
        if (station.isEmpty()) {
            problems.add(qc(RejectReason.MISSING_FIELD, "station"));
        }
        Instant ts = null;
        try {
            ts = ReadingTime.parse(columns.cell(cells, ColumnAliases.TS).orElse(""), options.localZone());
        } catch (InputRejectedException e) {
            problems.add(qc(e.reason(), e.reason() == RejectReason.MISSING_FIELD ? "ts" : e.detail()));
        }
        Map<String, Double> values = new LinkedHashMap<>();
        columns.valueColumns().forEach((code, column) -> {
            if (column.index() >= cells.size()) {
                return;
            }
            String raw = cells.get(column.index()).trim();
            if (raw.isEmpty() || NO_VALUE.contains(raw)) {
                return;
            }
            double v;
            Optional<BelowDetectionLimit> belowDl =
                    belowDetectionLimitAllowed ? BelowDetectionLimit.parse(raw) : Optional.empty();
            if (belowDl.isPresent()) {
                v = belowDl.get().valueForStatistics();
            } else if (DECIMAL.matcher(raw).matches()) {
                v = Double.parseDouble(raw);
            } else {
                problems.add(qc(RejectReason.NON_NUMERIC_VALUE, code + "=" + raw));
                return;
            }
            double canonical = column.toCanonical().applyAsDouble(v);
            if (!column.quantity().isPhysicallyPossible(canonical)) {
                problems.add(qc(RejectReason.ABSURD_VALUE, code + "=" + raw));
                return;
            }
            values.put(code, canonical);
        });
        if (!problems.isEmpty()) {
            return new Parsed(Optional.empty(), problems);
        }
        return new Parsed(Optional.of(new RowInput(number, cells, station.get(), ts, values)), List.of());
    }

    static String qc(RejectReason reason, String detail) {
        return reason.code() + ":" + detail;
    }
}
