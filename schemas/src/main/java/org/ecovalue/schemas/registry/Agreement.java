package org.ecovalue.schemas.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ecovalue.schemas.registry.scheme.CompensationScheme;

/**
 * A horizontal compensation agreement (横向生态保护补偿协议) between an upstream and a downstream
 * party (GB/T 2260 unit ids) on a section, settled per calendar month or year in {@code zone}.
 * <p>{@code payerShares} splits what the downstream side owes among the units that pay it, e.g.
 * Ezhou's city 0.7 and receiving district 0.3 (REFERENCE.md §4.4) or Chishui's contributions
 * 1:5:4; it defaults to the downstream party alone. What the upstream party owes (it missed its
 * target) it pays alone. Figures below {@code minCompleteness} are computed and marked, not hidden.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Agreement(
        String id,
        String name,
        String section,
        String upstreamParty,
        String downstreamParty,
        CompensationScheme scheme,
        PeriodKind period,
        ZoneId zone,
        String currency,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        @JsonProperty(required = true) double minCompleteness,
        Map<String, BigDecimal> payerShares) implements RegistryItem {

    /** Periods are in China Standard Time unless an agreement says otherwise (DESIGN.md "Semantics"). */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    public static final String CNY = "CNY";

    public Agreement {
        FieldCheck.id(id, "id");
        FieldCheck.text(name, "name");
        FieldCheck.present(scheme, "scheme");
        if (scheme.settlesOnSection()) {
            FieldCheck.id(section, "section");
        } else if (section != null) {
            throw new InvalidFieldException("section", "a " + scheme.schemeName() + " agreement does not settle on a section");
        }
        FieldCheck.text(upstreamParty, "upstreamParty");
        FieldCheck.text(downstreamParty, "downstreamParty");
        if (upstreamParty.equals(downstreamParty)) {
            throw new InvalidFieldException("downstreamParty", "is the upstream party too (" + upstreamParty + ")");
        }
        FieldCheck.present(period, "period");
        if (period == PeriodKind.DAY || period == PeriodKind.HOUR) {
            throw new InvalidFieldException("period", "an agreement settles per month or year, not per " + period.code());
        }
        zone = zone == null ? DEFAULT_ZONE : zone;
        currency = currency == null ? CNY : currency;
        if (!CNY.equals(currency)) {
            throw new InvalidFieldException("currency", "must be CNY, got " + currency);
        }
        FieldCheck.present(effectiveFrom, "effectiveFrom");
        if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new InvalidFieldException("effectiveTo", effectiveTo + " is before effectiveFrom " + effectiveFrom);
        }
        FieldCheck.fraction(minCompleteness, "minCompleteness");
        payerShares = checkedShares(payerShares == null ? Map.of(downstreamParty, BigDecimal.ONE) : payerShares);
    }

    private static Map<String, BigDecimal> checkedShares(Map<String, BigDecimal> shares) {
        if (shares.isEmpty()) {
            throw new InvalidFieldException("payerShares", "needs at least one payer");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : shares.entrySet()) {
            FieldCheck.text(e.getKey(), "payerShares");
            String field = "payerShares." + e.getKey();
            FieldCheck.present(e.getValue(), field);
            if (e.getValue().signum() <= 0 || e.getValue().compareTo(BigDecimal.ONE) > 0) {
                throw new InvalidFieldException(field, "a share is above 0 and at most 1, got " + e.getValue().toPlainString());
            }
            sum = sum.add(e.getValue());
        }
        // exact decimal arithmetic: 0.7 + 0.3 is 1, 0.33 + 0.33 + 0.33 is not
        if (sum.compareTo(BigDecimal.ONE) != 0) {
            throw new InvalidFieldException("payerShares", "shares sum to " + sum.toPlainString() + ", not 1");
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(shares));
    }

    /** Whether the agreement applies on {@code day} (both effective dates inclusive). */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /** The label of the settlement period that contains {@code instant}, in the agreement's zone. */
    public String periodOf(Instant instant) {
        return period.label(instant, zone);
    }

    @Override
    public RegistryKind registryKind() {
        return RegistryKind.AGREEMENT;
    }
}
