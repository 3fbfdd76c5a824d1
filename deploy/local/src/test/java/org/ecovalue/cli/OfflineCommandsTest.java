package org.ecovalue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecovalue.schemas.json.Json;
import org.junit.jupiter.api.Test;

/**
 * The offline commands on the real published data of ../shared/testdata, as a user runs them:
 * {@code ecovalue hj212 decode} on the 46 valid and 14 invalid packets, {@code ecovalue assess water}
 * on the CNEMC sample.
 */
class OfflineCommandsTest {

    private static final Path TESTDATA = Path.of(System.getProperty("ecovalue.testdata", "../../../shared/testdata"));

    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    private List<JsonNode> outputLines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String l : out.toString().split("\n")) {
            if (!l.isBlank()) {
                lines.add(Json.mapper().readTree(l));
            }
        }
        return lines;
    }

    @Test
    void everyPublishedValidPacketDecodesAndTheExitStatusSaysSo() throws IOException {
        Path valid = TESTDATA.resolve("hj212/packets_valid.crlf.txt");
        assertThat(valid).as("shared testdata (system property ecovalue.testdata)").exists();

        assertThat(run("hj212", "decode", valid.toString())).isZero();

        List<JsonNode> lines = outputLines();
        assertThat(lines).hasSize(46).noneMatch(n -> n.has("error"));
        assertThat(err.toString()).contains("decoded 46 packets, refused 0");
    }

    @Test
    void everyPublishedInvalidPacketIsRefusedWithTheReasonItsColumnsGive() throws IOException {
        // packets_invalid.tsv: len_ok (col 2), crc_ok (col 3), packet (col 13). A wrong length wins:
        // the length field delimits the data segment the CRC is computed over.
        List<String> rows = Files.readAllLines(TESTDATA.resolve("hj212/packets_invalid.tsv"), StandardCharsets.UTF_8);
        List<String> expectedReasons = new ArrayList<>();
        StringBuilder packets = new StringBuilder();
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split("\t");
            expectedReasons.add(c[1].equals("False") ? "bad-length" : "bad-crc");
            packets.append(c[12]).append("\r\n");
        }
        Path file = Files.createTempFile("invalid", ".txt");
        Files.writeString(file, packets, StandardCharsets.US_ASCII);

        assertThat(run("hj212", "decode", file.toString())).isEqualTo(EcoValueCommand.FAILED_CHECK);

        assertThat(outputLines()).extracting(n -> n.get("error").asText()).containsExactlyElementsOf(expectedReasons);
        assertThat(expectedReasons).hasSize(14);
        Files.delete(file);
    }

    @Test
    void assessWaterReproducesTheOfficialClassOfEveryCnemcRowButTheFourDocumentedOnes() throws IOException {
        Path sample = TESTDATA.resolve("water-cnemc/cnemc_szzdjc_20260815_sample.csv");

        assertThat(run("assess", "water", "--json", sample.toString())).isZero();

        int evaluated = 0;
        List<String> mismatched = new ArrayList<>();
        for (JsonNode row : outputLines()) {
            String official = row.get("水质类别").asText();
            if (official.equals("-1")) {
                continue;
            }
            evaluated++;
            // official 1..5 = I..V, 6 = 劣V
            String expected = List.of("I", "II", "III", "IV", "V", "劣V").get(Integer.parseInt(official) - 1);
            if (!expected.equals(row.get("class").asText())) {
                mismatched.add(row.get("断面名称").asText());
                assertThat(row.get("qc").asText()).startsWith("class-mismatch");
            }
        }
        assertThat(evaluated).isEqualTo(601);
        // testdata README: 4 rows of station 大风 publish NH3-N 8 with class III
        assertThat(mismatched).containsExactly("大风", "大风", "大风", "大风");
        assertThat(err.toString()).contains("4 class mismatches");
    }

    @Test
    void assessRefusesAnUnknownKindAsBadUsage() {
        assertThat(run("assess", "noise", "-")).isEqualTo(EcoValueCommand.BAD_USAGE);
        assertThat(err.toString()).contains("water, air or soil");
    }

    @Test
    void everyOfflineCommandHasHelp() {
        assertThat(run("assess", "--help")).isZero();
        assertThat(run("hj212", "decode", "--help")).isZero();
        assertThat(out.toString()).contains("--json").contains("--tolerant");
    }
}
