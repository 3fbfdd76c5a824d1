package org.ecovalue.schemas.ledger;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.ecovalue.schemas.registry.Cny;
import org.ecovalue.schemas.registry.FieldCheck;
import org.ecovalue.schemas.registry.InvalidFieldException;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.registry.scheme.CompensationScheme;

/**
 * One figure of the compensation ledger on {@code eco.compensation} (DESIGN.md "Compensation ledger
 * entry"): who pays whom how much for which agreement, section and period, from which inputs, and
 * why in words. {@code amountCny} is at scale 2 and never negative: the direction is payer → payee.
 * {@code computedAt} and {@code watermark} are epoch milliseconds.
 * <p>Revisions: a PROVISIONAL or FINAL entry has revision 0, a CORRECTION 1, 2 … FINAL and
 * CORRECTION entries are sealed into the agreement's hash chain ({@link LedgerHashChain#seal});
 * PROVISIONAL entries carry neither {@code prevHash} nor {@code hash}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerEntry(
        String agreementId,
        String sectionId,
        String period,
        String scheme,
        LedgerStatus status,
        int revision,
        String payer,
        String payee,
        BigDecimal amountCny,
        LedgerInputs inputs,
        String explanation,
        long computedAt,
        long watermark,
        String prevHash,
        String hash) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final List<String> SCHEMES = List.of(CompensationScheme.NAMES.split("\\|"));

    public LedgerEntry {
        FieldCheck.id(agreementId, "agreementId");
        FieldCheck.optionalId(sectionId, "sectionId");
        FieldCheck.text(period, "period");
        PeriodKind kind;
        try {
            kind = PeriodKind.ofLabel(period);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("period", e.getMessage());
        }
        if (kind == PeriodKind.DAY) {
            throw new InvalidFieldException("period", "agreements settle per month or year, not per day: " + period);
        }
        FieldCheck.text(scheme, "scheme");
        if (!SCHEMES.contains(scheme)) {
            throw new InvalidFieldException("scheme", "unknown scheme '" + scheme + "' (" + CompensationScheme.NAMES + ")");
        }
        FieldCheck.present(status, "status");
        FieldCheck.nonNegative(revision, "revision");
        if (status == LedgerStatus.CORRECTION ? revision < 1 : revision != 0) {
            throw new InvalidFieldException("revision", status == LedgerStatus.CORRECTION
                    ? "a CORRECTION has revision 1 or more" : "a " + status + " entry has revision 0, got " + revision);
        }
        FieldCheck.text(payer, "payer");
        FieldCheck.text(payee, "payee");
        if (payer.equals(payee)) {
            throw new InvalidFieldException("payee", "is the payer too (" + payer + ")");
        }
        amountCny = Cny.exactNonNegative(amountCny, "amountCny");
        FieldCheck.present(inputs, "inputs");
        FieldCheck.text(explanation, "explanation");
        FieldCheck.nonNegative(computedAt, "computedAt");
        if (!status.isChained() && (prevHash != null || hash != null)) {
            throw new InvalidFieldException(hash != null ? "hash" : "prevHash",
                    "a PROVISIONAL entry is not part of the hash chain");
        }
        hex(prevHash, "prevHash");
        hex(hash, "hash");
        if (hash != null && prevHash == null) {
            throw new InvalidFieldException("prevHash", "a sealed entry names the hash it follows");
        }
    }

    private static void hex(String value, String field) {
        if (value != null && !SHA256_HEX.matcher(value).matches()) {
            throw new InvalidFieldException(field, "'" + value + "' is not a SHA-256 in lower-case hex (64 digits)");
        }
    }

    /** The Kafka key on {@code eco.compensation}: {@code {agreementId}/{period}}. */
    public String key() {
        return key(agreementId, period);
    }

    public static String key(String agreementId, String period) {
        return agreementId + "/" + period;
    }

    /** Whether it has been sealed into the hash chain. */
    @JsonIgnore
    public boolean isSealed() {
        return hash != null;
    }

    /** The same entry with chain fields set; {@link LedgerHashChain#seal} computes them. */
    LedgerEntry withChain(String newPrevHash, String newHash) {
        return new LedgerEntry(agreementId, sectionId, period, scheme, status, revision, payer, payee, amountCny,
                inputs, explanation, computedAt, watermark, newPrevHash, newHash);
    }
}
