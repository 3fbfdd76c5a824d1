package org.ecovalue.schemas.compensation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.ecovalue.schemas.ledger.LedgerInputs;
import org.ecovalue.schemas.registry.Cny;

/**
 * The figure of one agreement for one period: who pays whom ({@code payer}/{@code payee} are party
 * ids, both null when the amount is ¥0.00), how much ({@code amountCny} ≥ 0, yuan at scale 2,
 * rounded {@link Cny#ROUNDING} = HALF_UP where it is computed, see each scheme), how the paying side
 * splits it ({@code payerLines}, summing exactly to the amount), the factors and the inputs it was
 * computed from, and why, in one Chinese and one English sentence.
 * <p>A figure is never hidden: {@code belowMinCompleteness} marks one whose data completeness is
 * below the agreement's minimum, {@code missingFactors} the factors (or {@code flow}, or products)
 * that had no valid data at all. Both are computed figures all the same.
 */
public record CompensationOutcome(
        String agreementId,
        String sectionId,
        String period,
        String scheme,
        Direction direction,
        String payer,
        String payee,
        BigDecimal amountCny,
        List<PayerLine> payerLines,
        List<FactorLine> factorLines,
        LedgerInputs inputs,
        boolean belowMinCompleteness,
        List<String> missingFactors,
        String explanationZh,
        String explanationEn) {

    public CompensationOutcome {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(direction, "direction");
        amountCny = Cny.exactNonNegative(amountCny, "amountCny");
        if ((direction == Direction.NONE) != (amountCny.signum() == 0)) {
            throw new IllegalArgumentException("direction " + direction + " with ¥" + amountCny.toPlainString());
        }
        if ((direction == Direction.NONE) != (payer == null && payee == null)) {
            throw new IllegalArgumentException("payer and payee are set exactly when money moves");
        }
        payerLines = List.copyOf(payerLines);
        BigDecimal sum = payerLines.stream().map(PayerLine::amountCny).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(amountCny) != 0) {
            throw new IllegalArgumentException("payer lines sum to ¥" + sum.toPlainString() + ", not ¥"
                    + amountCny.toPlainString());
        }
        factorLines = List.copyOf(factorLines);
        Objects.requireNonNull(inputs, "inputs");
        missingFactors = List.copyOf(missingFactors);
        Objects.requireNonNull(explanationZh, "explanationZh");
        Objects.requireNonNull(explanationEn, "explanationEn");
    }

    /** The amount with its sign in the convention of the calculators: positive, the upstream party pays. */
    public BigDecimal signedAmountCny() {
        return direction == Direction.DOWNSTREAM_PAYS ? amountCny.negate() : amountCny;
    }
}
