package org.ecovalue.schemas.compensation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.Cny;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.registry.scheme.ServiceValueShareScheme;

/**
 * Ecosystem-service value share, Ezhou style (REFERENCE.md §4.4): amount = {@code share} × Σ the
 * inventory values of the scheme's products for the upstream unit in the period, rounded HALF_UP to
 * the fen; the downstream side pays the upstream party, split by the agreement's payer shares
 * (Ezhou: city 0.7, receiving district 0.3) with the largest-remainder rule of {@link PayerSplit}.
 * A product without a value is left out and marked (never estimated).
 */
final class ServiceValueShareCalculator implements CompensationCalculator {

    private final Agreement agreement;
    private final ServiceValueShareScheme scheme;

    ServiceValueShareCalculator(Agreement agreement, ServiceValueShareScheme scheme) {
        this.agreement = agreement;
        this.scheme = scheme;
    }

    @Override
    public CompensationOutcome calculate(SettlementBasis basis) {
        if (!(basis instanceof ServiceValues values)) {
            throw new IllegalArgumentException("agreement " + agreement.id()
                    + " (service-value-share) settles on service values, not on a section's monitoring");
        }
        if (PeriodKind.ofLabel(values.period()) != agreement.period()) {
            throw new IllegalArgumentException("agreement " + agreement.id() + " settles per "
                    + agreement.period().code() + ", not for " + values.period());
        }
        BigDecimal total = BigDecimal.ZERO.setScale(Cny.SCALE);
        List<String> missing = new ArrayList<>();
        List<String> missingZh = new ArrayList<>();
        List<String> partsZh = new ArrayList<>();
        List<String> partsEn = new ArrayList<>();
        Map<EcoProduct, BigDecimal> v = values.valueCny();
        for (EcoProduct p : scheme.products()) {
            if (!v.containsKey(p)) {
                missing.add(p.code());
                missingZh.add(Wording.productZh(p));
                continue;
            }
            total = total.add(v.get(p));
            partsZh.add(Wording.productZh(p) + Wording.yuan(v.get(p)));
            partsEn.add(Wording.productEn(p) + " " + Wording.yuan(v.get(p)));
        }
        BigDecimal share = BigDecimal.valueOf(scheme.share());
        BigDecimal amount = Cny.round(total.multiply(share));
        double completeness = missing.isEmpty() ? values.completeness() : 0;
        String sharePct = Wording.number(share.movePointRight(2)) + "%";
        String zh = "上游" + agreement.upstreamParty() + "在" + values.period() + "期间提供生态系统服务价值"
                + (partsZh.isEmpty() ? "无" : String.join("、", partsZh)) + "，合计" + Wording.yuan(total)
                + "，按" + sharePct + "补偿为" + Wording.yuan(amount);
        String en = "Upstream " + agreement.upstreamParty() + " provided ecosystem services worth "
                + (partsEn.isEmpty() ? "nothing on record" : String.join(" + ", partsEn)) + " = " + Wording.yuan(total)
                + " in " + values.period() + "; " + sharePct + " of it is " + Wording.yuan(amount);
        return Settling.outcome(agreement, null, values.period(), amount.negate(), List.of(), completeness,
                Settling.inputs(Map.of(), null, null, completeness, null, null),
                missing, missingZh, new Settling.Words(zh, en));
    }
}
