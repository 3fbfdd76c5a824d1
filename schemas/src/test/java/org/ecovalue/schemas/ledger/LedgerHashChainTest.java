package org.ecovalue.schemas.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.junit.jupiter.api.Test;

class LedgerHashChainTest {

    /**
     * Flux settlement of 界牌 for March 2026 (REFERENCE.md §4.2, class II targets CODMn 4, NH3-N 0.5,
     * TP 0.1 mg/L; 10 m³/s for 30 days = 25 920 000 m³):
     * CODMn 0.60 × 25.92 t/(mg/L) × ¥15 000 = ¥233 280.00; NH3-N 0.12 × 25.92 × ¥100 000 = ¥311 040.00;
     * TP 0.02 × 25.92 × ¥100 000 = ¥51 840.00; total ¥596 160.00.
     */
    static LedgerEntry marchFinal() {
        LedgerInputs inputs = new LedgerInputs(
                Map.of("codmn", new BigDecimal("4.60"), "nh3n", new BigDecimal("0.620"), "tp", new BigDecimal("0.120")),
                new BigDecimal("25920000"), 702, new BigDecimal("0.9435"), WaterClass.III, null);
        return new LedgerEntry("QX-A01", "QX-S01", "2026-03", "flux", LedgerStatus.FINAL, 0, "390121", "390122",
                new BigDecimal("596160.00"), inputs,
                "界牌 2026-03：岚山县付溪口县 ¥596160.00\nCODMn (4.60-4)×25920000 m³×10⁻⁶×15000 ¥/t = ¥233280.00",
                1775030400000L, 1775028600000L, null, null);
    }

    /** Written by hand from the rules in CanonicalJson: sorted keys, no blanks, numbers by value, money at 2 decimals. */
    static final String MARCH_CANONICAL = "{\"agreementId\":\"QX-A01\",\"amountCny\":596160.00,\"computedAt\":1775030400000,"
            + "\"explanation\":\"界牌 2026-03：岚山县付溪口县 ¥596160.00\\nCODMn (4.60-4)×25920000 m³×10⁻⁶×15000 ¥/t = ¥233280.00\","
            + "\"inputs\":{\"class\":\"III\",\"completeness\":0.9435,\"meansMgL\":{\"codmn\":4.6,\"nh3n\":0.62,\"tp\":0.12},"
            + "\"validHours\":702,\"volumeM3\":25920000},\"payee\":\"390122\",\"payer\":\"390121\",\"period\":\"2026-03\","
            + "\"prevHash\":\"" + LedgerHashChain.GENESIS + "\",\"revision\":0,\"scheme\":\"flux\",\"sectionId\":\"QX-S01\","
            + "\"status\":\"FINAL\",\"watermark\":1775028600000}";

    /** SHA-256 of MARCH_CANONICAL followed by 64 zeros, computed outside Java (Python hashlib). */
    static final String MARCH_HASH = "560144f306204dbc6398e8695baeb591ede56eb3de9619e253a22c0fea185d2c";

    @Test
    void theCanonicalFormSortsKeysDropsBlanksAndKeepsMoneyAtTwoDecimals() {
        LedgerEntry sealed = LedgerHashChain.seal(marchFinal(), LedgerHashChain.GENESIS);

        assertThat(LedgerHashChain.canonicalJson(sealed)).isEqualTo(MARCH_CANONICAL);
    }

    @Test
    void theHashIsSha256OfTheCanonicalJsonFollowedByThePreviousHash() throws Exception {
        LedgerEntry sealed = LedgerHashChain.seal(marchFinal(), LedgerHashChain.GENESIS);

        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((MARCH_CANONICAL + LedgerHashChain.GENESIS).getBytes(UTF_8));
        assertThat(HexFormat.of().formatHex(digest)).isEqualTo(MARCH_HASH);
        assertThat(sealed.hash()).isEqualTo(MARCH_HASH);
        assertThat(sealed.prevHash()).isEqualTo(LedgerHashChain.GENESIS);
    }

    @Test
    void theCanonicalFormDoesNotDependOnKeyOrderWhitespaceOrTrailingZerosOnTheWire() throws Exception {
        LedgerEntry sealed = LedgerHashChain.seal(marchFinal(), LedgerHashChain.GENESIS);
        // as a browser or a tree model would pass it on: numbers as doubles (596160.00 -> 596160.0),
        // then written back in reverse key order with blanks
        JsonNode tree = Json.mapper().readTree(Json.mapper().writeValueAsBytes(sealed));
        List<String> keys = new ArrayList<>();
        tree.fieldNames().forEachRemaining(keys::add);
        Collections.reverse(keys);
        StringBuilder reshaped = new StringBuilder("{\n");
        for (String k : keys) {
            reshaped.append("  \"").append(k).append("\" : ").append(tree.get(k)).append(",\n");
        }
        reshaped.setLength(reshaped.length() - 2);
        reshaped.append("\n}");
        assertThat(reshaped.toString()).contains("\"amountCny\" : 596160.0,");

        assertThat(CanonicalJson.of(reshaped.toString().getBytes(UTF_8), Set.of("hash"))).isEqualTo(MARCH_CANONICAL);
    }

    @Test
    void moneyWithMoreThanTwoDecimalsIsNotCanonicalMoney() {
        assertThatThrownBy(() -> CanonicalJson.of("{\"amountCny\":1.005}".getBytes(UTF_8), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("money with more than two decimals: 1.005");
    }

    @Test
    void controlCharactersAreEscapedAndEverythingElseIsLiteral() {
        String json = "{\"b\":\"tab\\there \\u0001 \\\"q\\\" \\\\ \\u00e9 劣V\",\"a\":[1E+3,2.50,null,true]}";

        assertThat(CanonicalJson.of(json.getBytes(UTF_8), Set.of()))
                .isEqualTo("{\"a\":[1000,2.5,null,true],\"b\":\"tab\\there \\u0001 \\\"q\\\" \\\\ é 劣V\"}");
    }

    @Test
    void anEntryReadBackFromTheWireHasTheSameHash() throws Exception {
        LedgerEntry sealed = LedgerHashChain.seal(marchFinal(), LedgerHashChain.GENESIS);

        LedgerEntry read = Json.mapper().readValue(Json.mapper().writeValueAsBytes(sealed), LedgerEntry.class);

        assertThat(read).isEqualTo(sealed);
        assertThat(read.amountCny()).hasToString("596160.00");
        assertThat(LedgerHashChain.hash(read)).isEqualTo(MARCH_HASH);
    }

    /** Two agreements interleaved, as on the topic; provisional entries in between. */
    static List<LedgerEntry> ledger() {
        LedgerEntry a1March = LedgerHashChain.seal(marchFinal(), LedgerHashChain.GENESIS);
        LedgerEntry a1AprilLive = entry("QX-A01", "2026-04", LedgerStatus.PROVISIONAL, 0, "120000.00");
        LedgerEntry a2March = LedgerHashChain.seal(entry("QX-A02", "2026-03", LedgerStatus.FINAL, 0, "500000.00"),
                LedgerHashChain.GENESIS);
        LedgerEntry a1MarchCorrection = LedgerHashChain.seal(
                entry("QX-A01", "2026-03", LedgerStatus.CORRECTION, 1, "601344.00"), a1March.hash());
        LedgerEntry a1April = LedgerHashChain.seal(entry("QX-A01", "2026-04", LedgerStatus.FINAL, 0, "118250.50"),
                a1MarchCorrection.hash());
        return List.of(a1March, a1AprilLive, a2March, a1MarchCorrection, a1April);
    }

    static LedgerEntry entry(String agreement, String period, LedgerStatus status, int revision, String amount) {
        LedgerInputs inputs = new LedgerInputs(Map.of("codmn", new BigDecimal("4.8")), new BigDecimal("25920000"), 700,
                new BigDecimal("0.94"), WaterClass.III, null);
        return new LedgerEntry(agreement, "QX-S01", period, "flux", status, revision, "390121", "390122",
                new BigDecimal(amount), inputs, "test entry", 1_775_030_400_000L, 1_775_028_600_000L, null, null);
    }

    @Test
    void anUntouchedLedgerVerifies() {
        ChainVerification v = LedgerHashChain.verify(ledger());

        assertThat(v.intact()).isTrue();
        assertThat(v.chainedEntries()).isEqualTo(4);
    }

    @Test
    void aSettledAmountChangedAfterwardsBreaksTheChainAtThatEntry() {
        List<LedgerEntry> ledger = new ArrayList<>(ledger());
        LedgerEntry c = ledger.get(3);
        // ¥601 344.00 quietly lowered to ¥501 344.00, hashes left as they were
        ledger.set(3, new LedgerEntry(c.agreementId(), c.sectionId(), c.period(), c.scheme(), c.status(), c.revision(),
                c.payer(), c.payee(), new BigDecimal("501344.00"), c.inputs(), c.explanation(), c.computedAt(),
                c.watermark(), c.prevHash(), c.hash()));

        ChainVerification v = LedgerHashChain.verify(ledger);

        assertThat(v.intact()).isFalse();
        assertThat(v.firstBreak().index()).isEqualTo(3);
        assertThat(v.firstBreak().agreementId()).isEqualTo("QX-A01");
        assertThat(v.firstBreak().problem()).contains("does not match the entry's content");
        assertThat(v.firstBreak().toString()).startsWith("entry #3 (agreement QX-A01, period 2026-03, revision 1): hash ");
    }

    @Test
    void aRemovedEntryBreaksTheLinkOfTheNextOneOfTheSameAgreement() {
        List<LedgerEntry> ledger = new ArrayList<>(ledger());
        ledger.remove(3);

        ChainVerification v = LedgerHashChain.verify(ledger);

        assertThat(v.firstBreak().index()).isEqualTo(3);
        assertThat(v.firstBreak().period()).isEqualTo("2026-04");
        assertThat(v.firstBreak().problem()).contains("does not link to the previous chained entry of agreement QX-A01");
    }

    @Test
    void aResealedForgeryStillBreaksTheLinkOfTheFollowingEntry() {
        List<LedgerEntry> ledger = new ArrayList<>(ledger());
        LedgerEntry c = ledger.get(3);
        LedgerEntry forged = LedgerHashChain.seal(entry("QX-A01", "2026-03", LedgerStatus.CORRECTION, 1, "1.00"),
                c.prevHash());
        ledger.set(3, forged);

        ChainVerification v = LedgerHashChain.verify(ledger);

        assertThat(v.firstBreak().index()).isEqualTo(4);
    }

    @Test
    void aSecondFinalForTheSamePeriodIsABreak() {
        List<LedgerEntry> ledger = new ArrayList<>(ledger().subList(0, 3));
        ledger.add(LedgerHashChain.seal(entry("QX-A01", "2026-03", LedgerStatus.FINAL, 0, "1.00"), ledger.get(0).hash()));

        assertThat(LedgerHashChain.verify(ledger).firstBreak().problem()).isEqualTo("a second FINAL entry for period 2026-03");
    }

    @Test
    void anEmptyLedgerIsIntact() {
        assertThat(LedgerHashChain.verify(List.of()).intact()).isTrue();
    }
}
