package org.ecovalue.jobs.inventory;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.inventory.Quantity;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.standards.soil.SoilRiskClass;

/**
 * The {@code soil} product per unit (keyed by unit) and period (day, month in {@code zone}): quantity =
 * the period's mean soil moisture (%); grade = GB 15618-2018 risk class of the period's mean metals where
 * metals and pH were measured (in situ sensors give moisture hourly, metals come from periodic sampling);
 * completeness against the cell's soil stations' reporting intervals. A day with metals but no
 * moisture has no quantity (0 % would be false): it emits nothing until moisture arrives, so its first
 * visible FINAL may carry a revision above 1. No value: the default price table has no soil price.
 */
public class SoilInventory extends PeriodInventory<SoilSample, PeriodSoil> {

    private static final long serialVersionUID = 1L;

    /** GEP classification: soil is the supporting base of provisioning services (REFERENCE.md §5). */
    public static final String FUNCTION = "supporting: soil";

    public SoilInventory(ZoneId zone, List<PeriodKind> periods, Duration allowedLateness, Duration lateHorizon,
            Duration liveEvery) {
        super(PeriodSoil.class, zone, periods, allowedLateness, lateHorizon, liveEvery);
    }

    @Override
    protected long eventTime(SoilSample s) {
        return s.tsMillis();
    }

    @Override
    protected PeriodSoil empty(SoilSample s, InventoryPeriod period) {
        return PeriodSoil.empty(s);
    }

    @Override
    protected InventoryRecord record(String unitId, InventoryPeriod period, PeriodSoil d, InventoryStatus status,
                                     int revision, long atMs) {
        if (d.meanMoisture().isEmpty()) {
            return null;
        }
        String grade = d.assessment().map(a -> a.riskClass()).map(SoilRiskClass::code).orElse(null);
        return new InventoryRecord(unitId, d.unitName(), d.unitKind(), EcoProduct.SOIL, period.label(),
                status, revision, new Quantity(d.meanMoisture().getAsDouble(), "%"), grade, null, FUNCTION, null,
                d.completeness(period), List.copyOf(Stations.parse(d.stations())), atMs);
    }
}
