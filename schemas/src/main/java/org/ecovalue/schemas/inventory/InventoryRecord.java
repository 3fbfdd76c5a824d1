package org.ecovalue.schemas.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.FieldCheck;
import org.ecovalue.schemas.registry.InvalidFieldException;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.registry.UnitKind;

/**
 * One product of one unit for one period, as on {@code eco.inventory} (DESIGN.md "Inventory record"):
 * the fields of the dynamic monitoring the 2021 opinion asks for — quantity, quality grade, function,
 * rights holder, value (REFERENCE.md §0). {@code grade}, {@code value}, {@code function} and
 * {@code rightsHolder} are absent when unknown (no price configured, no grade defined for the
 * product). {@code completeness} is the share of expected readings that counted (0..1), carried
 * with every figure; {@code stations} are the stations whose data it used. {@code updatedAt} is epoch
 * milliseconds, like every instant on Kafka. Optional details of a product: {@code pollutants} — the main
 * pollutants of {@code water_quality} (worse than class III only, REFERENCE.md §1.3) or the primary
 * pollutants of {@code clean_air} (HJ 633), as parameter/indicator codes — and {@code negativeIons}, the
 * mean negative air ion concentration (ions/cm³) of {@code clean_air} where measured.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InventoryRecord(
        String unitId,
        String unitName,
        UnitKind unitKind,
        EcoProduct product,
        String period,
        InventoryStatus status,
        int revision,
        Quantity quantity,
        String grade,
        Valuation value,
        String function,
        String rightsHolder,
        double completeness,
        List<String> stations,
        long updatedAt,
        List<String> pollutants,
        Double negativeIons) {

    public InventoryRecord {
        FieldCheck.id(unitId, "unitId");
        FieldCheck.text(unitName, "unitName");
        FieldCheck.present(unitKind, "unitKind");
        FieldCheck.present(product, "product");
        FieldCheck.text(period, "period");
        try {
            PeriodKind.ofLabel(period);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("period", e.getMessage());
        }
        FieldCheck.present(status, "status");
        FieldCheck.nonNegative(revision, "revision");
        if (status == InventoryStatus.LIVE && revision != 0) {
            throw new InvalidFieldException("revision", "a LIVE figure has revision 0; revisions number FINAL figures");
        }
        FieldCheck.present(quantity, "quantity");
        FieldCheck.fraction(completeness, "completeness");
        FieldCheck.present(stations, "stations");
        for (int i = 0; i < stations.size(); i++) {
            FieldCheck.text(stations.get(i), "stations[" + i + "]");
        }
        stations = List.copyOf(stations);
        FieldCheck.nonNegative(updatedAt, "updatedAt");
        if (pollutants != null) {
            for (int i = 0; i < pollutants.size(); i++) {
                FieldCheck.text(pollutants.get(i), "pollutants[" + i + "]");
            }
            pollutants = List.copyOf(pollutants);
        }
        if (negativeIons != null) {
            FieldCheck.nonNegative(negativeIons, "negativeIons");
        }
    }

    /** A record without product details ({@code pollutants}, {@code negativeIons}). */
    public InventoryRecord(String unitId, String unitName, UnitKind unitKind, EcoProduct product, String period,
                           InventoryStatus status, int revision, Quantity quantity, String grade, Valuation value,
                           String function, String rightsHolder, double completeness, List<String> stations,
                           long updatedAt) {
        this(unitId, unitName, unitKind, product, period, status, revision, quantity, grade, value, function,
                rightsHolder, completeness, stations, updatedAt, null, null);
    }

    /** This record with another value and rights holder (the valuation stage fills both from the registry). */
    public InventoryRecord withValueAndRightsHolder(Valuation newValue, String newRightsHolder) {
        return new InventoryRecord(unitId, unitName, unitKind, product, period, status, revision, quantity, grade,
                newValue, function, newRightsHolder, completeness, stations, updatedAt, pollutants, negativeIons);
    }

    /**
     * The Kafka key on {@code eco.inventory} (compacted: the latest figure per key wins): for a day
     * {@code {unitId}/{product}}, as DESIGN.md has it; for an hour or a month
     * {@code {unitId}/{product}/hour} or {@code …/month}, so that the three period kinds do not
     * compact each other away (the latest hour would otherwise replace the day and the month).
     */
    public String key() {
        return key(unitId, product, PeriodKind.ofLabel(period));
    }

    /** The key of a unit's daily figure of a product. */
    public static String key(String unitId, EcoProduct product) {
        return unitId + "/" + product.code();
    }

    public static String key(String unitId, EcoProduct product, PeriodKind kind) {
        return kind == PeriodKind.DAY ? key(unitId, product) : key(unitId, product) + "/" + kind.code();
    }
}
