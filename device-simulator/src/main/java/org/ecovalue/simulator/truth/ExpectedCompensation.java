package org.ecovalue.simulator.truth;

import java.math.BigDecimal;
import org.ecovalue.schemas.ledger.LedgerInputs;

/** What an agreement's period should settle at, computed by the pipeline's own calculator over the clean signal. */
public record ExpectedCompensation(String agreement, String section, String period, String scheme, String direction,
                                   String payer, String payee, BigDecimal amountCny, boolean belowMinCompleteness,
                                   LedgerInputs inputs, String explanation) {
}
