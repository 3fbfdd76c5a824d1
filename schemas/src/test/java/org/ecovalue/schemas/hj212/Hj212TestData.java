package org.ecovalue.schemas.hj212;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared acceptance packets of {@code testdata/hj212} (README there: real packets from public
 * code, each with source, ST, CN, factor codes and whether length and CRC check). Located through
 * the {@code ecovalue.testdata} system property that surefire sets.
 */
final class Hj212TestData {

    /** One row of packets_valid.tsv or packets_invalid.tsv. */
    record Row(String id, boolean lengthOk, boolean crcOk, String crcField, String crcComputed,
               String st, String cn, List<String> factors, String repo, String packet) {
        @Override
        public String toString() {
            return id + " (ST " + st + ", CN " + cn + ", " + repo + ")";
        }
    }

    private Hj212TestData() {
    }

    static Path folder() {
        String dir = System.getProperty("ecovalue.testdata");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("system property ecovalue.testdata is not set: run the tests through"
                    + " Maven (surefire sets it to the shared testdata folder) or pass -Decovalue.testdata=…");
        }
        Path hj212 = Path.of(dir, "hj212");
        if (!Files.isDirectory(hj212)) {
            throw new IllegalStateException("ecovalue.testdata=" + dir + " has no hj212/ folder (expected "
                    + "packets_valid.tsv, packets_invalid.tsv, packets_valid.crlf.txt)");
        }
        return hj212;
    }

    static List<Row> valid() {
        return rows("packets_valid.tsv");
    }

    static List<Row> invalid() {
        return rows("packets_invalid.tsv");
    }

    /** packets_valid.crlf.txt: the same packets as sent on the wire, each with its CRLF. */
    static List<byte[]> validWireForm() {
        byte[] all = read("packets_valid.crlf.txt");
        List<byte[]> packets = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < all.length; i++) {
            if (all[i - 1] == '\r' && all[i] == '\n') {
                byte[] p = new byte[i + 1 - start];
                System.arraycopy(all, start, p, 0, p.length);
                packets.add(p);
                start = i + 1;
            }
        }
        return packets;
    }

    private static List<Row> rows(String file) {
        String[] lines = new String(read(file), UTF_8).split("\r?\n");
        List<String> header = List.of(lines[0].split("\t", -1));
        if (!header.equals(List.of("id", "len_ok", "crc_ok", "crc_field", "crc_computed", "ST", "CN", "factors",
                "license", "repo", "commit", "path", "packet"))) {
            throw new IllegalStateException(file + " has unexpected columns " + header);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String[] c = lines[i].split("\t", -1);
            List<String> factors = c[7].isBlank() ? List.of() : List.of(c[7].trim().split(" +"));
            rows.add(new Row(c[0], bool(c[1]), bool(c[2]), c[3], c[4], c[5], c[6], factors, c[9], c[12]));
        }
        return rows;
    }

    private static boolean bool(String s) {
        return switch (s) {
            case "True" -> true;
            case "False" -> false;
            default -> throw new IllegalStateException("not a boolean column value: " + s);
        };
    }

    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(folder().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read testdata/hj212/" + file, e);
        }
    }
}
