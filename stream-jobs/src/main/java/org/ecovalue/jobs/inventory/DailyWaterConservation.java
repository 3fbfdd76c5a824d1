package org.ecovalue.jobs.inventory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.inventory.Quantity;
import org.ecovalue.schemas.inventory.Valuation;
import org.ecovalue.schemas.registry.Cny;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.PeriodKind;

/**
 * The {@code water_conservation} product per grid cell (keyed by cell) and calendar day in {@code zone}:
 * quantity = A·(P − R − ET0)·10⁻³ m³ from the cell's weather stations ({@link DayConservation});
 * value = quantity × the registry's water_conservation price (reservoir storage cost, REFERENCE.md §5.3)
 * when the quantity is positive — a dry day's deficit is reported as a quantity but given no value,
 * since a value cannot be negative. Nothing is emitted until precipitation and all ET0 inputs are in.
 */
public class DailyWaterConservation extends DailyInventory<WeatherSample, DayConservation> {

    private static final long serialVersionUID = 1L;

    /** GEP classification: water conservation is a regulating service (REFERENCE.md §5.1). */
    public static final String FUNCTION = "regulating: water conservation";

    public DailyWaterConservation(ZoneId zone, Duration allowedLateness, Duration lateHorizon, Duration liveEvery) {
        super(DayConservation.class, zone, allowedLateness, lateHorizon, liveEvery);
    }

    @Override
    protected long eventTime(WeatherSample s) {
        return s.tsMillis();
    }

    @Override
    protected DayConservation empty(WeatherSample s, long dayStartMs) {
        return DayConservation.empty(s, DayConservation.dayOfYear(dayStartMs, zone));
    }

    @Override
    protected InventoryRecord record(String unitId, LocalDate day, DayConservation d, InventoryStatus status,
                                     int revision, long atMs) {
        if (d.conservedM3().isEmpty()) {
            return null;
        }
        double m3 = d.conservedM3().getAsDouble();
        Valuation value = null;
        if (m3 >= 0 && d.priceRef() != null && !Double.isNaN(d.priceCny())) {
            value = new Valuation(Cny.round(BigDecimal.valueOf(m3).multiply(BigDecimal.valueOf(d.priceCny()))),
                    d.priceRef());
        }
        return new InventoryRecord(unitId, d.unitName(), d.unitKind(), EcoProduct.WATER_CONSERVATION,
                PeriodKind.DAY.label(day), status, revision, new Quantity(m3, "m3"), null, value, FUNCTION, null,
                d.completeness(), List.copyOf(Stations.parse(d.stations())), atMs);
    }
}
