package org.ecovalue.schemas.standards.water;

import java.util.Objects;

/**
 * A main pollutant (主要污染指标) of a section worse than class III, with its exceedance multiple
 * (超标倍数) (C − C_III) / C_III against the class III limit (《地表水环境质量评价办法（试行）》).
 */
public record MainPollutant(WaterItem item, double concentration, double classIIILimit, double exceedanceMultiple) {

    public MainPollutant {
        Objects.requireNonNull(item, "item");
    }
}
