package org.ecovalue.schemas.compensation;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.registry.Cny;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.PeriodKind;

/**
 * The ecosystem-service values (yuan, scale 2) the upstream unit provided in a period, per product,
 * as its inventory values them, and the lowest completeness among those inventory figures.
 */
public record ServiceValues(String period, Map<EcoProduct, BigDecimal> valueCny, double completeness)
        implements SettlementBasis {

    public ServiceValues {
        PeriodKind.ofLabel(period);
        Map<EcoProduct, BigDecimal> checked = new EnumMap<>(EcoProduct.class);
        valueCny.forEach((product, value) -> checked.put(Objects.requireNonNull(product, "product"),
                Cny.exactNonNegative(value, "valueCny." + product.code())));
        valueCny = Collections.unmodifiableMap(checked);
        if (!(completeness >= 0 && completeness <= 1)) {
            throw new IllegalArgumentException("completeness must be in [0, 1], got " + completeness);
        }
    }

    /**
     * The values of {@code unitId} in {@code period} from its inventory records (those with a value);
     * completeness is the lowest of theirs (1 when there is none: nothing was measured to be incomplete,
     * and the missing products are marked anyway).
     */
    public static ServiceValues fromInventory(String unitId, String period, List<InventoryRecord> records) {
        Map<EcoProduct, BigDecimal> values = new EnumMap<>(EcoProduct.class);
        double completeness = 1;
        for (InventoryRecord r : records) {
            if (r.unitId().equals(unitId) && r.period().equals(period) && r.value() != null) {
                if (values.putIfAbsent(r.product(), r.value().cny()) != null) {
                    throw new IllegalArgumentException("two inventory values of " + r.product().code() + " for "
                            + unitId + " in " + period);
                }
                completeness = Math.min(completeness, r.completeness());
            }
        }
        return new ServiceValues(period, values, completeness);
    }
}
