package org.ecovalue.schemas.compensation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.ecovalue.schemas.registry.Cny;

/**
 * Splits an amount among payers by their shares so that the lines sum exactly to the amount
 * (largest-remainder rule, to the fen): each line first gets its exact share rounded DOWN to the fen;
 * the fen left over go one each to the lines with the largest dropped remainders, ties to the payer
 * listed first in the agreement. Every line is then within one fen of its exact share. Rounding each
 * line HALF_UP would not do: ¥0.05 split 0.5/0.5 would become ¥0.03 + ¥0.03 = ¥0.06.
 */
final class PayerSplit {

    private PayerSplit() {
    }

    static List<PayerLine> split(BigDecimal amountCny, Map<String, BigDecimal> shares) {
        List<String> parties = new ArrayList<>(shares.keySet());
        BigDecimal[] floor = new BigDecimal[parties.size()];
        BigDecimal[] remainder = new BigDecimal[parties.size()];
        BigDecimal allotted = BigDecimal.ZERO;
        for (int i = 0; i < parties.size(); i++) {
            BigDecimal exact = amountCny.multiply(shares.get(parties.get(i)));
            floor[i] = exact.setScale(Cny.SCALE, RoundingMode.DOWN);
            remainder[i] = exact.subtract(floor[i]);
            allotted = allotted.add(floor[i]);
        }
        int fenLeft = amountCny.subtract(allotted).movePointRight(Cny.SCALE).intValueExact();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < parties.size(); i++) {
            order.add(i);
        }
        // stable sort: on equal remainders the agreement's order stays
        order.sort(Comparator.comparing((Integer i) -> remainder[i]).reversed());
        BigDecimal fen = BigDecimal.ONE.movePointLeft(Cny.SCALE);
        for (int k = 0; k < fenLeft; k++) {
            int i = order.get(k);
            floor[i] = floor[i].add(fen);
        }
        List<PayerLine> lines = new ArrayList<>();
        for (int i = 0; i < parties.size(); i++) {
            lines.add(new PayerLine(parties.get(i), shares.get(parties.get(i)), floor[i]));
        }
        return lines;
    }
}
