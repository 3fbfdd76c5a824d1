package org.ecovalue.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.ledger.LedgerEntry;
import org.ecovalue.schemas.topics.EcoTopic;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The ledger as the commands read it: JSON lines from a file or standard input, or the whole
 * {@code eco.compensation} topic (read_committed, from the beginning to the end offsets at the start),
 * in order. A line that is not a valid ledger entry is kept as {@link Line#problem}: it breaks the
 * chain there, it is not skipped.
 */
final class LedgerEntries {

    /** One entry of the ledger, or why its line could not be read. {@code where} names it for people. */
    record Line(String where, LedgerEntry entry, String problem) {
    }

    private LedgerEntries() {
    }

    static List<Line> fromReader(Reader reader, String name) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            String text;
            int n = 0;
            while ((text = in.readLine()) != null) {
                n++;
                if (!text.isBlank()) {
                    lines.add(decode(text.getBytes(StandardCharsets.UTF_8), name + ":" + n));
                }
            }
        }
        return lines;
    }

    static List<Line> fromTopic(String bootstrapServers, Duration timeout) {
        return TopicReader.readAll(bootstrapServers, EcoTopic.COMPENSATION.topic(), timeout, LedgerEntries::decode);
    }

    static Reader open(CommandSpec spec, String fileOrDash, InputStream stdin) {
        return InputSource.open(spec, fileOrDash, stdin);
    }

    private static Line decode(byte[] json, String where) {
        try {
            return new Line(where, Json.mapper().readValue(json, LedgerEntry.class), null);
        } catch (IOException | RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return new Line(where, null, "not a valid ledger entry: " + msg);
        }
    }
}
