package org.ecovalue.schemas.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.registry.InvalidFieldException;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.junit.jupiter.api.Test;

class LedgerEntryTest {

    private static LedgerEntry entry(LedgerStatus status, int revision, String amount, String period, String hash) {
        LedgerInputs inputs = new LedgerInputs(Map.of(), null, null, new BigDecimal("1"), WaterClass.IV, null);
        return new LedgerEntry("QX-A02", "QX-S02", period, "class-step", status, revision, "390122", "390123",
                new BigDecimal(amount), inputs, "IV against baseline III: one class worse", 0L, 0L,
                hash == null ? null : LedgerHashChain.GENESIS, hash);
    }

    @Test
    void theWireFormHasTheFieldsOfDesignInOrderWithTheClassAsItsLabel() throws Exception {
        LedgerEntry e = entry(LedgerStatus.PROVISIONAL, 0, "500000", "2026-05", null);

        String json = Json.mapper().writeValueAsString(e);

        assertThat(json).isEqualTo("{\"agreementId\":\"QX-A02\",\"sectionId\":\"QX-S02\",\"period\":\"2026-05\","
                + "\"scheme\":\"class-step\",\"status\":\"PROVISIONAL\",\"revision\":0,\"payer\":\"390122\","
                + "\"payee\":\"390123\",\"amountCny\":500000.00,\"inputs\":{\"meansMgL\":{},\"completeness\":1,"
                + "\"class\":\"IV\"},\"explanation\":\"IV against baseline III: one class worse\",\"computedAt\":0,"
                + "\"watermark\":0}");
        assertThat(e.key()).isEqualTo("QX-A02/2026-05");
    }

    @Test
    void inputsFromDoublesAreRoundedToTheDocumentedScales() {
        LedgerInputs in = LedgerInputs.of(Map.of("nh3n", 0.6234567), 25_919_999.6, 702, 0.943548, WaterClass.WORSE_THAN_V, 1.23456);

        assertThat(in.meansMgL().get("nh3n")).hasToString("0.62346");
        assertThat(in.volumeM3()).hasToString("25920000");
        assertThat(in.completeness()).hasToString("0.9435");
        assertThat(in.index()).hasToString("1.2346");
    }

    @Test
    void worseThanVTravelsAsItsChineseLabelAndComesBack() throws Exception {
        LedgerInputs in = LedgerInputs.of(Map.of(), null, null, 1.0, WaterClass.WORSE_THAN_V, null);

        String json = Json.mapper().writeValueAsString(in);

        assertThat(json).contains("\"class\":\"劣V\"");
        assertThat(Json.mapper().readValue(json, LedgerInputs.class)).isEqualTo(in);
    }

    @Test
    void anAmountWithMoreThanTwoDecimalsIsRefusedRatherThanRoundedAgain() {
        assertThatThrownBy(() -> entry(LedgerStatus.PROVISIONAL, 0, "12.345", "2026-05", null))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("amountCny: ¥12.345 has more than 2 decimals");
    }

    @Test
    void revisionsFollowTheStatus() {
        assertThatThrownBy(() -> entry(LedgerStatus.CORRECTION, 0, "1", "2026-05", null))
                .hasMessage("revision: a CORRECTION has revision 1 or more");
        assertThatThrownBy(() -> entry(LedgerStatus.FINAL, 2, "1", "2026-05", null))
                .hasMessage("revision: a FINAL entry has revision 0, got 2");
    }

    @Test
    void aProvisionalEntryIsNotChainedAndHashesAreLowerCaseHex() {
        assertThatThrownBy(() -> entry(LedgerStatus.PROVISIONAL, 0, "1", "2026-05", "a".repeat(64)))
                .hasMessage("hash: a PROVISIONAL entry is not part of the hash chain");
        assertThatThrownBy(() -> entry(LedgerStatus.FINAL, 0, "1", "2026-05", "A".repeat(64)))
                .hasMessageStartingWith("hash: 'AAAA");
    }

    @Test
    void periodsAreMonthsOrYears() {
        assertThat(entry(LedgerStatus.FINAL, 0, "1", "2026", null).period()).isEqualTo("2026");
        assertThatThrownBy(() -> entry(LedgerStatus.FINAL, 0, "1", "2026-05-01", null))
                .hasMessageStartingWith("period: agreements settle per month or year");
        assertThatThrownBy(() -> entry(LedgerStatus.FINAL, 0, "1", "May 2026", null))
                .hasMessageStartingWith("period: 'May 2026' is not a period label");
    }

    @Test
    void negativeAmountsAreRefusedTheDirectionIsPayerToPayee() {
        assertThatThrownBy(() -> entry(LedgerStatus.FINAL, 0, "-5.00", "2026-05", null))
                .hasMessage("amountCny: must not be negative, got ¥-5.00");
    }
}
