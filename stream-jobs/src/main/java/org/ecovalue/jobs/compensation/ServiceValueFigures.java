package org.ecovalue.jobs.compensation;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.ecovalue.schemas.compensation.ServiceValueDay;
import org.ecovalue.schemas.compensation.ServiceValues;
import org.ecovalue.schemas.registry.EcoProduct;

/**
 * The inventory values a {@code service-value-share} period has received: per holder, product and
 * day the latest figure — a FINAL figure replaces a LIVE one and a higher revision a lower one, never
 * the other way round (a replayed or out-of-order record changes nothing).
 *
 * @param days      key {@code holder/product/day} → the day's value
 * @param revisions the same keys → revision of the figure kept ({@link ServiceValueReading#LIVE} for LIVE)
 */
record ServiceValueFigures(Map<String, ServiceValueDay> days, Map<String, Integer> revisions) implements Serializable {

    ServiceValueFigures {
        days = Collections.unmodifiableMap(new TreeMap<>(days));
        revisions = Collections.unmodifiableMap(new TreeMap<>(revisions));
    }

    static ServiceValueFigures empty() {
        return new ServiceValueFigures(Map.of(), Map.of());
    }

    /** With {@code r}, or this very object when {@code r} is not newer than the figure kept. */
    ServiceValueFigures with(ServiceValueReading r) {
        String key = r.holderId() + "/" + r.product() + "/" + r.day();
        Integer kept = revisions.get(key);
        if (kept != null && (r.revision() < kept || (r.revision() == kept && r.revision() != ServiceValueReading.LIVE))) {
            return this;
        }
        Map<String, ServiceValueDay> d = new TreeMap<>(days);
        Map<String, Integer> rev = new TreeMap<>(revisions);
        d.put(key, new ServiceValueDay(r.holderId(), EcoProduct.ofCode(r.product()), LocalDate.parse(r.day()),
                r.valueCny(), r.completeness()));
        rev.put(key, r.revision());
        return new ServiceValueFigures(d, rev);
    }

    boolean isEmpty() {
        return days.isEmpty();
    }

    ServiceValues of(String upstreamUnit, String period) {
        return ServiceValues.fromDays(upstreamUnit, period, days.values());
    }
}
