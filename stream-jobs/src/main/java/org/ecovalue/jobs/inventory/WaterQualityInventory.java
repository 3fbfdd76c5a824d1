package org.ecovalue.jobs.inventory;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.inventory.Quantity;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.standards.water.WaterAssessment;

/**
 * The {@code water_quality} product per unit (keyed by unit) and period (hour, day, month in {@code zone}): grade =
 * GB 3838-2002 class of the period's mean concentrations of the real-time factors at the unit's outlet
 * sections; quantity = share (%) of valid observations at or better than class III; completeness
 * against the quality stations' reporting intervals; pollutants = the main pollutants of the means when
 * worse than class III. LIVE / FINAL / revisions as every
 * {@link PeriodInventory}.
 */
public class WaterQualityInventory extends PeriodInventory<QualitySample, PeriodQuality> {

    private static final long serialVersionUID = 1L;

    /** GEP classification: water purification is a regulating service (REFERENCE.md §5). */
    public static final String FUNCTION = "regulating: water purification";

    public WaterQualityInventory(ZoneId zone, List<PeriodKind> periods, Duration allowedLateness, Duration lateHorizon,
            Duration liveEvery) {
        super(PeriodQuality.class, zone, periods, allowedLateness, lateHorizon, liveEvery);
    }

    @Override
    protected long eventTime(QualitySample s) {
        return s.tsMillis();
    }

    @Override
    protected PeriodQuality empty(QualitySample s, InventoryPeriod period) {
        return PeriodQuality.first(s);
    }

    @Override
    protected InventoryRecord record(String unitId, InventoryPeriod period, PeriodQuality q, InventoryStatus status,
                                     int revision, long atMs) {
        String grade = q.classOfMeans().map(WaterAssessment::waterClass).map(c -> c.label()).orElse(null);
        List<String> mainPollutants = q.mainPollutants();
        return new InventoryRecord(unitId, q.unitName(), q.unitKind(), EcoProduct.WATER_QUALITY,
                period.label(), status, revision, new Quantity(100 * q.shareAtOrBetterThanIII(), "%"),
                grade, null, FUNCTION, null, q.completeness(period), List.copyOf(q.stationSet()), atMs,
                mainPollutants.isEmpty() ? null : mainPollutants, null);
    }
}
