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

    /**
     * QX-A01 settles on 界牌 (QX-S01: quality station SW390121000001, flow station SL390121000001) of
     * deploy/config/default.yaml. February 2026 in Asia/Shanghai has 28 × 24 = 672 hours. Counted:
     * 00:00 (NH3-N and pH, two flow readings), 01:00 (flow only: that hour's NH3-N was out of range).
     * Not counted: a reading of 31 January, and a station of another section.
     */
    @Test
    void explainListsTheHoursAndStationsWhoseReadingsCounted() throws Exception {
        Path ledger = dir.resolve("a01.jsonl");
        Files.writeString(ledger, Json.mapper().writeValueAsString(
                LedgerHashChain.seal(entry("QX-A01", LedgerStatus.FINAL, 0, "10.00"), LedgerHashChain.GENESIS)) + "\n");
        Path clean = dir.resolve("clean.jsonl");
        Files.write(clean, List.of(
                obs("SW390121000001", "2026-02-01T00:00:00+08:00", "{\"param\":\"nh3n\",\"value\":0.4,\"unit\":\"mg/L\",\"qc\":\"ok\"},"
                        + "{\"param\":\"ph\",\"value\":7.2,\"qc\":\"ok\"}"),
                obs("SL390121000001", "2026-02-01T00:00:00+08:00", flow("ok")),
                obs("SL390121000001", "2026-02-01T00:05:00+08:00", flow("ok")),
                obs("SW390121000001", "2026-02-01T01:00:00+08:00",
                        "{\"param\":\"nh3n\",\"value\":900,\"unit\":\"mg/L\",\"qc\":\"out-of-range\"}"),
                obs("SL390121000001", "2026-02-01T01:00:00+08:00", flow("ok")),
                obs("SL390121000001", "2026-01-31T23:00:00+08:00", flow("ok")),
                obs("SW390122000001", "2026-02-01T02:00:00+08:00", "{\"param\":\"nh3n\",\"value\":0.4,\"qc\":\"ok\"}"),
                "not json"), StandardCharsets.UTF_8);

        assertThat(run("ledger", "explain", "QX-A01", "2026-02", "--file", ledger.toString(), "--registry",
                "../config/default.yaml", "--observations", clean.toString())).isZero();

        assertThat(out.toString())
                .contains("contributing hours (eco.observations.clean, readings with qc ok, hours in Asia/Shanghai): 2 of 672")
                .contains("  2026-02-01T00:00+08:00  SL390121000001: flow×2  SW390121000001: nh3n ph\n")
                .contains("  2026-02-01T01:00+08:00  SL390121000001: flow\n")
                .doesNotContain("2026-01-31T23:00").doesNotContain("SW390122000001")
                .contains("(1 observation lines could not be read and are not listed)");
    }

    private static String obs(String station, String ts, String readings) {
        return "{\"station\":\"" + station + "\",\"ts\":\"" + ts + "\",\"readings\":[" + readings + "]}";
    }

    private static String flow(String qc) {
        return "{\"param\":\"flow\",\"value\":35.2,\"unit\":\"m3/s\",\"qc\":\"" + qc + "\"}";
    }

    @Test
    void everyLedgerCommandHasHelp() {
        assertThat(run("ledger", "verify", "--help")).isZero();
        assertThat(run("ledger", "explain", "--help")).isZero();
        assertThat(out.toString()).contains("--topic").contains("AGREEMENT");
    }
}
