package org.ecovalue.dashboard.live;

import java.util.List;
import org.ecovalue.schemas.inventory.InventoryRecord;

/** The latest figure of one unit's product, with the trend of its quantity as it arrived. */
public record InventoryView(String key, InventoryRecord latest, List<TrendPoint> quantityTrend) {
}
