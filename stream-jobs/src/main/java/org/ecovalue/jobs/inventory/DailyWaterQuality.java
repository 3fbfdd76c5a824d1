package org.ecovalue.jobs.inventory;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.inventory.Quantity;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.standards.water.WaterAssessment;

/**
 * The {@code water_quality} product per unit (keyed by unit) and calendar day in {@code zone}: grade =
 * GB 3838-2002 class of the day's mean concentrations of the real-time factors at the unit's outlet
 * sections; quantity = share (%) of valid observations at or better than class III; completeness
 * against the quality stations' reporting intervals. LIVE / FINAL / revisions as every
 * {@link DailyInventory}.
 */
public class DailyWaterQuality extends DailyInventory<QualitySample, DayQuality> {

    private static final long serialVersionUID = 1L;

    /** GEP classification: water purification is a regulating service (REFERENCE.md §5). */
    public static final String FUNCTION = "regulating: water purification";

    public DailyWaterQuality(ZoneId zone, Duration allowedLateness, Duration lateHorizon, Duration liveEvery) {
        super(DayQuality.class, zone, allowedLateness, lateHorizon, liveEvery);
    }

    @Override
    protected long eventTime(QualitySample s) {
        return s.tsMillis();
    }

    @Override
    protected DayQuality empty(QualitySample s, long dayStartMs) {
        return DayQuality.first(s);
    }

    @Override
    protected InventoryRecord record(String unitId, LocalDate day, DayQuality q, InventoryStatus status, int revision,
                                     long atMs) {
        String grade = q.classOfMeans().map(WaterAssessment::waterClass).map(c -> c.label()).orElse(null);
        return new InventoryRecord(unitId, q.unitName(), q.unitKind(), EcoProduct.WATER_QUALITY,
                PeriodKind.DAY.label(day), status, revision, new Quantity(100 * q.shareAtOrBetterThanIII(), "%"),
                grade, null, FUNCTION, null, q.completeness(), List.copyOf(q.stationSet()), atMs);
    }
}
