package org.ecovalue.schemas.compensation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
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

    /**
     * The values of {@code unitId} in {@code period} from the inventory's daily figures. Per product:
     * the unit's own daily values when the inventory keeps the product for the unit, else the sum
     * over the holders that have it (the unit's grid cells). The product's completeness is
     * Σ (each holder's daily completeness) / (holders × days of the period): a day without a figure
     * counts 0. The figure's completeness is the lowest over the products that have values (1 when
     * none has: the missing products are marked by the calculator anyway).
     */
    public static ServiceValues fromDays(String unitId, String period, Collection<ServiceValueDay> days) {
        PeriodKind kind = PeriodKind.ofLabel(period);
        LocalDate first = kind.firstDay(period);
        LocalDate end = LocalDate.ofInstant(kind.end(period, ZoneOffset.UTC), ZoneOffset.UTC);
        long daysInPeriod = ChronoUnit.DAYS.between(first, end);
        Map<EcoProduct, List<ServiceValueDay>> byProduct = new EnumMap<>(EcoProduct.class);
        for (ServiceValueDay d : days) {
            if (!d.day().isBefore(first) && d.day().isBefore(end)) {
                byProduct.computeIfAbsent(d.product(), p -> new ArrayList<>()).add(d);
            }
        }
        Map<EcoProduct, BigDecimal> values = new EnumMap<>(EcoProduct.class);
        double completeness = 1;
        for (Map.Entry<EcoProduct, List<ServiceValueDay>> e : byProduct.entrySet()) {
            List<ServiceValueDay> own = e.getValue().stream().filter(d -> d.holderId().equals(unitId)).toList();
            List<ServiceValueDay> counted = own.isEmpty() ? e.getValue() : own;
            long holders = counted.stream().map(ServiceValueDay::holderId).distinct().count();
            values.put(e.getKey(), counted.stream().map(ServiceValueDay::valueCny)
                    .reduce(BigDecimal.ZERO.setScale(Cny.SCALE), BigDecimal::add));
            double sum = counted.stream().mapToDouble(ServiceValueDay::completeness).sum();
            completeness = Math.min(completeness, sum / (holders * daysInPeriod));
        }
        return new ServiceValues(period, values, completeness);
    }
}
