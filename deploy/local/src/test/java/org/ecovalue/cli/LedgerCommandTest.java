package org.ecovalue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.ledger.LedgerEntry;
import org.ecovalue.schemas.ledger.LedgerHashChain;
import org.ecovalue.schemas.ledger.LedgerInputs;
import org.ecovalue.schemas.ledger.LedgerStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ecovalue ledger verify} and {@code explain} on a ledger file, as an auditor runs them. */
class LedgerCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = EcoValueCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static LedgerEntry entry(String agreement, LedgerStatus status, int revision, String amount) {
        return new LedgerEntry(agreement, "S01", "2026-02", "flux", status, revision, "390121", "390122",
                new BigDecimal(amount), new LedgerInputs(Map.of("nh3n", new BigDecimal("1.21000")),
                new BigDecimal("3600000"), 10, new BigDecimal("0.0149"), null, null),
                "清源出境断面氨氮月均1.21 mg/L，超过目标1.0 mg/L", 1772294400000L + revision, 1772294400000L + revision,
                null, null);
    }

    /** Two agreements interleaved: A's FINAL, B's FINAL, A's CORRECTION, each sealed into its agreement's chain. */
    private Path ledger() throws Exception {
        LedgerEntry a0 = LedgerHashChain.seal(entry("QY-A", LedgerStatus.FINAL, 0, "7560.00"), LedgerHashChain.GENESIS);
        LedgerEntry b0 = LedgerHashChain.seal(entry("QY-B", LedgerStatus.FINAL, 0, "120.00"), LedgerHashChain.GENESIS);
        LedgerEntry provisional = entry("QY-B", LedgerStatus.PROVISIONAL, 0, "10.00");
        LedgerEntry a1 = LedgerHashChain.seal(entry("QY-A", LedgerStatus.CORRECTION, 1, "7920.00"), a0.hash());
        List<String> lines = new ArrayList<>();
        for (LedgerEntry e : List.of(a0, b0, provisional, a1)) {
            lines.add(Json.mapper().writeValueAsString(e));
        }
        Path file = dir.resolve("ledger.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void anUntouchedLedgerIsIntact() throws Exception {
        assertThat(run("ledger", "verify", ledger().toString())).isZero();
        assertThat(out.toString()).contains("intact: 4 entries, 3 chained");
    }

    @Test
    void changingTheAmountOfOneSettledEntryBreaksTheChainAtThatEntry() throws Exception {
        Path file = ledger();
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        assertThat(lines.get(1)).contains("\"amountCny\":120.00");
        lines.set(1, lines.get(1).replace("\"amountCny\":120.00", "\"amountCny\":12.00"));
        Files.write(file, lines, StandardCharsets.UTF_8);

        assertThat(run("ledger", "verify", file.toString())).isEqualTo(EcoValueCommand.FAILED_CHECK);
        assertThat(out.toString()).contains("BROKEN at " + file + ":2: agreement QY-B period 2026-02 revision 0")
                .contains("does not match the entry's content");
    }

    @Test
    void removingASettledEntryBreaksTheChainAtTheNextEntryOfThatAgreement() throws Exception {
        Path file = ledger();
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.remove(0);
        Files.write(file, lines, StandardCharsets.UTF_8);

        assertThat(run("ledger", "verify", file.toString())).isEqualTo(EcoValueCommand.FAILED_CHECK);
        assertThat(out.toString()).contains("BROKEN at " + file + ":3: agreement QY-A period 2026-02 revision 1");
    }

    @Test
    void explainShowsTheFinalFigureAndItsCorrectionWithTheirInputs() throws Exception {
        assertThat(run("ledger", "explain", "QY-A", "2026-02", "--file", ledger().toString())).isZero();
        assertThat(out.toString())
                .contains("FINAL revision 0").contains("CNY 7560.00")
                .contains("CORRECTION revision 1").contains("CNY 7920.00")
                .contains("mean nh3n = 1.21000 mg/L").contains("volume 3600000 m3, valid hours 10, completeness 0.0149");
        assertThat(run("ledger", "explain", "QY-A", "2026-03", "--file", ledger().toString()))
                .isEqualTo(EcoValueCommand.FAILED_CHECK);
    }

    @Test
    void everyLedgerCommandHasHelp() {
        assertThat(run("ledger", "verify", "--help")).isZero();
        assertThat(run("ledger", "explain", "--help")).isZero();
        assertThat(out.toString()).contains("--topic").contains("AGREEMENT");
    }
}
