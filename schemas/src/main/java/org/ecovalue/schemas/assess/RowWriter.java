package org.ecovalue.schemas.assess;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecovalue.schemas.json.Json;

/**
 * Writes output rows: CSV (lists joined with ";", which needs no quoting) or JSON lines (lists as
 * arrays, integers as numbers, empty cells as null). Both have the same columns in the same order.
 */
interface RowWriter {

    void write(List<Object> values) throws IOException;

    void flush() throws IOException;

    static RowWriter of(OutputFormat format, Writer out, List<String> columns) throws IOException {
        return format == OutputFormat.CSV ? new Csv(out, columns) : new JsonLines(out, columns);
    }

    /** RFC 4180, "\n" line ends, quotes only where a value needs them. */
    final class Csv implements RowWriter {
        private final CsvGenerator generator;

        Csv(Writer out, List<String> columns) throws IOException {
            CsvMapper mapper = new CsvMapper();
            generator = mapper.getFactory().createGenerator(out);
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            // quote only separators, quotes and line breaks, not every space or bracket ("水温(℃)")
            generator.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
            generator.setSchema(CsvSchema.emptySchema());
            writeCells(new ArrayList<>(columns));
        }

        @Override
        public void write(List<Object> values) throws IOException {
            List<Object> cells = new ArrayList<>(values.size());
            for (Object v : values) {
                cells.add(v instanceof List<?> list ? String.join(";", list.stream().map(String::valueOf).toList()) : v);
            }
            writeCells(cells);
        }

        private void writeCells(List<Object> cells) throws IOException {
            generator.writeStartArray();
            for (Object c : cells) {
                generator.writeString(c == null ? "" : String.valueOf(c));
            }
            generator.writeEndArray();
        }

        @Override
        public void flush() throws IOException {
            generator.flush();
        }
    }

    /** One JSON object per line, keys in column order. */
    final class JsonLines implements RowWriter {
        private final Writer out;
        private final List<String> columns;
        private final ObjectMapper mapper = Json.mapper();

        JsonLines(Writer out, List<String> columns) {
            this.out = out;
            this.columns = List.copyOf(columns);
        }

        @Override
        public void write(List<Object> values) throws IOException {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                Object v = values.get(i);
                object.put(columns.get(i), v instanceof String s && s.isEmpty() ? null : v);
            }
            out.write(mapper.writeValueAsString(object));
            out.write('\n');
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
