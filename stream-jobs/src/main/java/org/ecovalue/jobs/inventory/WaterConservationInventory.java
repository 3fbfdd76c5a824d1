package org.ecovalue.jobs.inventory;

import java.math.BigDecimal;
import java.time.Duration;
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
 * The {@code water_conservation} product per unit (grid cell, and county, city, province from the roll-up
 * samples; keyed by unit) and calendar day in {@code zone} — days only: FAO-56's daily ET0 needs a day's
 * extremes, so neither an hour nor a month is one sample set: quantity = Σ over the unit's cells of
 * A·(P − R − ET0)·10⁻³ m³ from each cell's weather stations ({@link UnitConservation}, {@link DayConservation});
 * value = quantity × the registry's water_conservation price (reservoir storage cost, REFERENCE.md §5.3)
 * when the quantity is positive — a dry day's deficit is reported as a quantity but given no value,
 * since a value cannot be negative. Nothing is emitted until precipitation and all ET0 inputs are in.
 */
public class WaterConservationInventory extends PeriodInventory<WeatherSample, UnitConservation> {

    private static final long serialVersionUID = 1L;

    /** GEP classification: water conservation is a regulating service (REFERENCE.md §5.1). */
    public static final String FUNCTION = "regulating: water conservation";

    public WaterConservationInventory(ZoneId zone, Duration allowedLateness, Duration lateHorizon, Duration liveEvery) {
        super(UnitConservation.class, zone, List.of(PeriodKind.DAY), allowedLateness, lateHorizon, liveEvery);
    }

    @Override
    protected long eventTime(WeatherSample s) {
        return s.tsMillis();
    }

    @Override
    protected UnitConservation empty(WeatherSample s, InventoryPeriod period) {
        return UnitConservation.empty(s, DayConservation.dayOfYear(period.startMs(), zone));
    }

    @Override
    protected InventoryRecord record(String unitId, InventoryPeriod period, UnitConservation d, InventoryStatus status,
                                     int revision, long atMs) {
        if (d.conservedM3().isEmpty()) {
            return null;
        }
        double m3 = d.conservedM3().getAsDouble();
        Valuation value = null;
        DayConservation priced = d.priced();
        if (m3 >= 0 && priced != null && !Double.isNaN(priced.priceCny())) {
            value = new Valuation(Cny.round(BigDecimal.valueOf(m3).multiply(BigDecimal.valueOf(priced.priceCny()))),
                    priced.priceRef());
        }
        return new InventoryRecord(unitId, d.unitName(), d.unitKind(), EcoProduct.WATER_CONSERVATION,
                period.label(), status, revision, new Quantity(m3, "m3"), null, value, FUNCTION, null,
                d.completeness(period), List.copyOf(d.stationSet()), atMs);
    }
}
