package org.ecovalue.jobs.inventory;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.inventory.Quantity;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.PeriodKind;

/**
 * The {@code water_resource} product per unit (keyed by unit) and period (hour, day, month in {@code zone}):
 * the volume that left the unit through its outlet sections, flow integrated over time (each valid
 * reading stands for its station's reporting interval, so 12 five-minute readings of 35.2 m³/s are
 * 35.2 × 3600 = 126 720 m³), with its completeness and contributing stations.
 * LIVE / FINAL / revisions as every {@link PeriodInventory}.
 */
public class WaterResourceInventory extends PeriodInventory<FlowSample, PeriodVolume> {

    private static final long serialVersionUID = 1L;

    /** GEP classification of water yield: a provisioning service (REFERENCE.md §5). */
    public static final String FUNCTION = "provisioning: water supply";

    public WaterResourceInventory(ZoneId zone, List<PeriodKind> periods, Duration allowedLateness, Duration lateHorizon,
            Duration liveEvery) {
        super(PeriodVolume.class, zone, periods, allowedLateness, lateHorizon, liveEvery);
    }

    @Override
    protected long eventTime(FlowSample s) {
        return s.tsMillis();
    }

    @Override
    protected PeriodVolume empty(FlowSample s, InventoryPeriod period) {
        return PeriodVolume.first(s);
    }

    @Override
    protected InventoryRecord record(String unitId, InventoryPeriod period, PeriodVolume v, InventoryStatus status,
                                     int revision, long atMs) {
        return new InventoryRecord(unitId, v.unitName(), v.unitKind(), EcoProduct.WATER_RESOURCE,
                period.label(), status, revision, new Quantity(v.volumeM3(), "m3"), null, null, FUNCTION,
                null, v.completeness(period), List.copyOf(v.stationSet()), atMs);
    }
}
