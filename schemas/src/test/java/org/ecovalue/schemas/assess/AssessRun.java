package org.ecovalue.schemas.assess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the assess engine on a CSV text and reads its CSV output back, keyed by header. */
record AssessRun(List<String> header, List<Map<String, String>> rows, AssessSummary summary, String text) {

    static AssessRun of(AssessKind kind, AssessOptions options, String csv) throws Exception {
        StringWriter out = new StringWriter();
        AssessSummary summary = Assessor.forKind(kind, options).assess(new StringReader(csv), out, OutputFormat.CSV);
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> header;
        try (MappingIterator<List<String>> it = new CsvMapper().readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(new StringReader(out.toString()))) {
            header = it.next();
            while (it.hasNext()) {
                List<String> cells = it.next();
                assertThat(cells).hasSameSizeAs(header);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), cells.get(i));
                }
                rows.add(row);
            }
        }
        return new AssessRun(header, rows, summary, out.toString());
    }

    static AssessRun of(AssessKind kind, String csv) throws Exception {
        return of(kind, AssessOptions.defaults(), csv);
    }

    /** The row of a station (stations are unique in the hand-written files). */
    Map<String, String> row(String station) {
        return rows.stream().filter(r -> station.equals(r.get("station"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + station + " in\n" + text));
    }
}
