package org.ecovalue.jobs.inventory;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.inventory.Quantity;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.standards.air.AirQualityReport;
import org.ecovalue.schemas.standards.air.AqiCategory;

/**
 * The {@code clean_air} product per unit (grid cell and the units above it, keyed by unit) and period
 * (hour, day, month in {@code zone}): each clock hour's AQI from the hour's mean concentrations (HJ 633
 * real-time report, the version in force at the hour); quantity = share (%) of rated hours with AQI ≤ 100;
 * grade = AQI level of the period's worst hour (一级 … 六级, HJ 633 表2); pollutants = the primary
 * pollutants of most hours; negativeIons = the period's mean where measured; completeness against the
 * unit's air stations' reporting intervals. No value: the default price table prices air purification by pollutant tonnes, not
 * clean air itself (REFERENCE.md §5.3).
 */
public class CleanAirInventory extends PeriodInventory<AirSample, PeriodAir> {

    private static final long serialVersionUID = 1L;

    /** GEP classification: clean air is a regulating service (REFERENCE.md §5). */
    public static final String FUNCTION = "regulating: air quality";

    public CleanAirInventory(ZoneId zone, List<PeriodKind> periods, Duration allowedLateness, Duration lateHorizon,
            Duration liveEvery) {
        super(PeriodAir.class, zone, periods, allowedLateness, lateHorizon, liveEvery);
    }

    @Override
    protected long eventTime(AirSample s) {
        return s.tsMillis();
    }

    @Override
    protected PeriodAir empty(AirSample s, InventoryPeriod period) {
        return PeriodAir.empty(s, period);
    }

    @Override
    protected InventoryRecord record(String unitId, InventoryPeriod period, PeriodAir d, InventoryStatus status,
                                     int revision, long atMs) {
        List<AirQualityReport> hours = d.hourlyReports();
        String grade = PeriodAir.worstCategory(hours).map(AqiCategory::level).orElse(null);
        List<String> primaryPollutants = PeriodAir.primaryPollutants(hours).stream()
                .map(i -> i.parameter().code()).toList();
        return new InventoryRecord(unitId, d.unitName(), d.unitKind(), EcoProduct.CLEAN_AIR, period.label(),
                status, revision, new Quantity(100 * PeriodAir.shareGood(hours), "%"), grade, null, FUNCTION, null,
                d.completeness(period), List.copyOf(Stations.parse(d.stations())), atMs,
                primaryPollutants.isEmpty() ? null : primaryPollutants,
                d.meanNegativeIons().isPresent() ? d.meanNegativeIons().getAsDouble() : null);
    }
}
