package org.ecovalue.schemas.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecovalue.schemas.compensation.Fixtures.cny;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayerSplitTest {

    private static Map<String, BigDecimal> shares(String... partyShare) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < partyShare.length; i += 2) {
            m.put(partyShare[i], new BigDecimal(partyShare[i + 1]));
        }
        return m;
    }

    @Test
    void chishuiContributionsOneFiveFourSplitExactly() {
        // 1:5:4 = 0.1/0.5/0.4 of ¥200,000,000.00 → ¥20,000,000.00 / ¥100,000,000.00 / ¥80,000,000.00
        assertThat(PayerSplit.split(cny("200000000.00"), shares("530000", "0.1", "520000", "0.5", "510000", "0.4")))
                .extracting(PayerLine::amountCny)
                .containsExactly(cny("20000000.00"), cny("100000000.00"), cny("80000000.00"));
    }

    @Test
    void leftoverFenGoToTheLargestRemainders() {
        // ¥0.10 over 0.45/0.35/0.2: exact 0.045, 0.035, 0.02 → floors 0.04, 0.03, 0.02 = 0.09; remainders
        // 0.5, 0.5, 0 fen; the 1 fen left goes to the first of the tied largest: 0.05 + 0.03 + 0.02 = 0.10
        assertThat(PayerSplit.split(cny("0.10"), shares("a", "0.45", "b", "0.35", "c", "0.2")))
                .extracting(PayerLine::amountCny).containsExactly(cny("0.05"), cny("0.03"), cny("0.02"));
        // ¥0.01 over 0.25/0.5/0.25: exact 0.0025, 0.005, 0.0025 → all floors 0; the fen goes to the 0.5 payer
        assertThat(PayerSplit.split(cny("0.01"), shares("a", "0.25", "b", "0.5", "c", "0.25")))
                .extracting(PayerLine::amountCny).containsExactly(cny("0.00"), cny("0.01"), cny("0.00"));
    }
}
