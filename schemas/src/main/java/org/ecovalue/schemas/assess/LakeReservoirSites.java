package org.ecovalue.schemas.assess;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stations that are lake or reservoir sites, where GB 3838-2002 grades TP on the 湖、库 row. Keyed by
 * station name; when both the list and the row name a province, they must agree, so that a river
 * station elsewhere with the same name is not taken for a lake.
 *
 * <p>{@link #cnemcInferred()} is a copy of {@code testdata/water-cnemc/inferred_lake_reservoir_sites.csv}:
 * the CNEMC automatic stations whose published class only matches when TP uses the lake/reservoir
 * limits, never contradicted on four days checked (see testdata/README.md; data of the China National
 * Environmental Monitoring Centre, archived by {@code Gekko-CAi/National_Water_Data}). It is inferred,
 * not an official register: a lake site that never had a TP value deciding its class is missing.
 */
public final class LakeReservoirSites {

    static final String CNEMC_RESOURCE = "cnemc_inferred_lake_reservoir_sites.csv";

    private static final LakeReservoirSites NONE = new LakeReservoirSites(Map.of(), "none");

    /** Station name → province, "" when the list does not say. */
    private final Map<String, String> provinceByStation;
    private final String origin;

    private LakeReservoirSites(Map<String, String> provinceByStation, String origin) {
        this.provinceByStation = Map.copyOf(provinceByStation);
        this.origin = origin;
    }

    /** The packaged list inferred from CNEMC's published classes. */
    public static LakeReservoirSites cnemcInferred() {
        InputStream in = LakeReservoirSites.class.getResourceAsStream(CNEMC_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("resource " + CNEMC_RESOURCE + " is missing from the jar");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(r, "CNEMC inferred (" + CNEMC_RESOURCE + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No lake sites: every row without a {@code waterbody} is a river. */
    public static LakeReservoirSites none() {
        return NONE;
    }

    /**
     * A list in CSV with a header: a station column ({@code station} or 断面名称) and optionally a
     * province column ({@code province} or 省份); other columns are ignored.
     */
    public static LakeReservoirSites read(Reader csv, String origin) throws IOException {
        CsvMapper mapper = new CsvMapper();
        Map<String, String> sites = new HashMap<>();
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(csv)) {
            if (!rows.hasNext()) {
                return new LakeReservoirSites(Map.of(), origin);
            }
            List<String> header = rows.next().stream().map(h -> h.replace("\uFEFF", "").trim()).toList();
            int station = indexOf(header, "station", "断面名称");
            int province = indexOf(header, "province", "省份");
            if (station < 0) {
                throw new IOException(origin + ": no station column (station or 断面名称) in " + header);
            }
            while (rows.hasNext()) {
                List<String> row = rows.next();
                if (station < row.size() && !row.get(station).isBlank()) {
                    String p = province >= 0 && province < row.size() ? row.get(province).trim() : "";
                    sites.put(row.get(station).trim(), p);
                }
            }
        }
        return new LakeReservoirSites(sites, origin);
    }

    /** Whether a station (with its province, if the row names one) is a lake or reservoir site. */
    public boolean contains(String station, String province) {
        if (station == null) {
            return false;
        }
        String listed = provinceByStation.get(station.trim());
        if (listed == null) {
            return false;
        }
        return listed.isEmpty() || province == null || province.isBlank() || listed.equals(province.trim());
    }

    public int size() {
        return provinceByStation.size();
    }

    /** Where the list came from, for messages. */
    public String origin() {
        return origin;
    }

    private static int indexOf(List<String> header, String... names) {
        for (String n : names) {
            int i = header.indexOf(n);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "LakeReservoirSites[" + origin + ", " + size() + " sites]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LakeReservoirSites other && provinceByStation.equals(other.provinceByStation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provinceByStation);
    }
}
