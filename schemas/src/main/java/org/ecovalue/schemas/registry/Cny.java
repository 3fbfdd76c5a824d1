package org.ecovalue.schemas.registry;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money in yuan, as every contract carries it: {@link BigDecimal} at scale 2 (fen). Amounts are
 * rounded once, where they are computed, with {@link #ROUNDING}; a record refuses an amount with
 * more decimals rather than rounding it silently a second time.
 */
public final class Cny {

    public static final int SCALE = 2;

    /** 四舍五入 to the fen, the convention of Chinese public finance and of the compensation agreements. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private Cny() {
    }

    /** Rounds a computed amount to the fen. */
    public static BigDecimal round(BigDecimal raw) {
        return raw.setScale(SCALE, ROUNDING);
    }

    /**
     * The amount at scale 2 when that needs no rounding (12.3 becomes 12.30); otherwise an
     * {@link InvalidFieldException}: 12.345 must have been rounded where it was computed.
     */
    public static BigDecimal exact(BigDecimal amount, String field) {
        FieldCheck.present(amount, field);
        try {
            return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new InvalidFieldException(field, "¥" + amount.toPlainString()
                    + " has more than 2 decimals; round it to the fen where it is computed (Cny.round)");
        }
    }

    /** As {@link #exact} and not negative. */
    public static BigDecimal exactNonNegative(BigDecimal amount, String field) {
        BigDecimal a = exact(amount, field);
        if (a.signum() < 0) {
            throw new InvalidFieldException(field, "must not be negative, got ¥" + a.toPlainString());
        }
        return a;
    }
}
