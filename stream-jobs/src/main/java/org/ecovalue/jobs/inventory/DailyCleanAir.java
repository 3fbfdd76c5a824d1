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
import org.ecovalue.schemas.standards.air.AirQualityReport;
import org.ecovalue.schemas.standards.air.AqiCategory;

/**
 * The {@code clean_air} product per grid cell (keyed by cell) and calendar day in {@code zone}: each
 * clock hour's AQI from the hour's mean concentrations (HJ 633 real-time report, the version in force
 * at the hour); quantity = share (%) of rated hours with AQI ≤ 100; grade = AQI level of the day's
 * worst hour (一级 … 六级, HJ 633 表2); completeness against the cell's air stations' reporting
 * intervals. No value: the default price table prices air purification by pollutant tonnes, not
 * clean air itself (REFERENCE.md §5.3).
 */
public class DailyCleanAir extends DailyInventory<AirSample, DayAir> {

    private static final long serialVersionUID = 1L;

    /** GEP classification: clean air is a regulating service (REFERENCE.md §5). */
    public static final String FUNCTION = "regulating: air quality";

    public DailyCleanAir(ZoneId zone, Duration allowedLateness, Duration lateHorizon, Duration liveEvery) {
        super(DayAir.class, zone, allowedLateness, lateHorizon, liveEvery);
    }

    @Override
    protected long eventTime(AirSample s) {
        return s.tsMillis();
    }

    @Override
    protected DayAir empty(AirSample s, long dayStartMs) {
        return DayAir.empty(s, dayStartMs);
    }

    @Override
    protected InventoryRecord record(String unitId, LocalDate day, DayAir d, InventoryStatus status, int revision,
                                     long atMs) {
        List<AirQualityReport> hours = d.hourlyReports();
        String grade = DayAir.worstCategory(hours).map(AqiCategory::level).orElse(null);
        return new InventoryRecord(unitId, d.unitName(), d.unitKind(), EcoProduct.CLEAN_AIR, PeriodKind.DAY.label(day),
                status, revision, new Quantity(100 * DayAir.shareGood(hours), "%"), grade, null, FUNCTION, null,
                d.completeness(), List.copyOf(Stations.parse(d.stations())), atMs);
    }
}
