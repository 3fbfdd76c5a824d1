package org.ecovalue.schemas.assess;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;

/**
 * The engine of {@code ecovalue assess water|air|soil}: reads a CSV of readings (a header row;
 * {@code station}, {@code ts}, optional {@code waterbody} / {@code land_use}, one column per parameter
 * code or a CNEMC header alias), grades every row with the standards the pipeline uses, and writes
 * the input columns plus the assessment's columns.
 *
 * <p>A row that cannot be assessed is still written, with its {@code qc} reason(s) and no result;
 * bad rows never stop the run. A file whose header cannot be used (no station or ts column, two
 * columns for one parameter, a unit without exact conversion) is refused as a whole.
 */
public final class Assessor {

    private final AssessKind kind;
    private final AssessOptions options;
    private final KindAssessor kindAssessor;

    private Assessor(AssessKind kind, AssessOptions options) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.options = Objects.requireNonNull(options, "options");
        this.kindAssessor = switch (kind) {
            case WATER -> new WaterRowAssessor(options);
            case AIR -> new AirRowAssessor(options);
            case SOIL -> new SoilRowAssessor();
        };
    }

    public static Assessor forKind(AssessKind kind) {
        return new Assessor(kind, AssessOptions.defaults());
    }

    public static Assessor forKind(AssessKind kind, AssessOptions options) {
        return new Assessor(kind, options);
    }

    public AssessKind kind() {
        return kind;
    }

    public AssessOptions options() {
        return options;
    }

    /**
     * Assesses every row of {@code in} and writes them to {@code out} (flushed, not closed).
     *
     * @throws InputRejectedException when the header cannot be used ({@code missing-field},
     *     {@code duplicate-parameter}, {@code unknown-unit}, {@code unit-not-convertible}), the input
     *     is empty ({@code no-readings}) or is not CSV at all ({@code bad-row}: an unclosed quote; the
     *     rows before it have been written)
     * @throws IOException when reading or writing fails
     */
    public AssessSummary assess(Reader in, Writer out, OutputFormat format) throws IOException, InputRejectedException {
        // the caller owns the reader (it may be stdin)
        CsvMapper mapper = CsvMapper.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(in)) {
            if (!rows.hasNext()) {
                throw new InputRejectedException(RejectReason.NO_READINGS, "the input is empty: no header row");
            }
            InputColumns columns = InputColumns.resolve(kind, rows.next(), kindAssessor.quantities());
            kindAssessor.check(columns);
            List<String> added = kindAssessor.addedColumns(columns);
            List<String> outputColumns = new ArrayList<>(columns.names());
            for (String a : added) {
                if (!outputColumns.contains(a)) {
                    outputColumns.add(a);
                }
            }
            RowWriter writer = RowWriter.of(format, out, outputColumns);
            int n = 0;
            int assessed = 0;
            int flagged = 0;
            int mismatches = 0;
            while (rows.hasNext()) {
                List<String> cells = rows.next();
                n++;
                RowVerdict verdict = assessRow(n, cells, columns);
                writer.write(outputRow(outputColumns, columns.names(), cells, added, verdict));
                assessed += verdict.assessed() ? 1 : 0;
                flagged += verdict.qc().isEmpty() ? 0 : 1;
                mismatches += verdict.classMismatch() ? 1 : 0;
            }
            writer.flush();
            return new AssessSummary(n, assessed, n - assessed, flagged, mismatches);
        } catch (RuntimeJsonMappingException e) {
            // MappingIterator.hasNext wraps the parser's exception
            throw malformed(out, e.getCause() instanceof JsonProcessingException p ? p : null, e.getMessage());
        } catch (JsonProcessingException e) {
            throw malformed(out, e, e.getOriginalMessage());
        }
    }

    private static InputRejectedException malformed(Writer out, JsonProcessingException e, String message)
            throws IOException {
        out.flush();
        JsonLocation at = e == null ? null : e.getLocation();
        String why = e == null ? message : e.getOriginalMessage();
        return new InputRejectedException(RejectReason.BAD_ROW, "the input is not well-formed CSV"
                + (at == null ? "" : " (line " + at.getLineNr() + ")") + ": " + why);
    }

    private RowVerdict assessRow(int number, List<String> cells, InputColumns columns) {
        RowInput.Parsed parsed = RowInput.parse(number, cells, columns, options, kindAssessor.acceptsBelowDetectionLimit());
        if (parsed.row().isEmpty()) {
            return RowVerdict.notAssessed(kindAssessor.unassessedColumns(cells, columns), parsed.problems());
        }
        return kindAssessor.assess(parsed.row().get(), columns);
    }

    /**
     * The input cells under their own headers, then the added columns; an input column with the name
     * of an added one (re-assessing an output) takes the new value.
     */
    private static List<Object> outputRow(List<String> outputColumns, List<String> inputNames, List<String> cells,
            List<String> added, RowVerdict verdict) {
        Map<String, Object> addedValues = new LinkedHashMap<>(verdict.columns());
        addedValues.put("qc", verdict.qc().isEmpty() ? null : String.join(";", verdict.qc()));
        List<Object> row = new ArrayList<>(outputColumns.size());
        for (int i = 0; i < outputColumns.size(); i++) {
            String name = outputColumns.get(i);
            if (added.contains(name)) {
                row.add(addedValues.get(name));
            } else {
                row.add(i < inputNames.size() && i < cells.size() ? cells.get(i) : null);
            }
        }
        return row;
    }
}
