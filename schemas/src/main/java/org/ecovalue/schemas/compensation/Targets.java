package org.ecovalue.schemas.compensation;

import java.math.BigDecimal;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.standards.water.Gb3838Table1;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.ecovalue.schemas.standards.water.WaterItem;

/** Where a factor's target comes from: the agreement's figure, else GB 3838-2002 Table 1. */
final class Targets {

    private Targets() {
    }

    /** {@code configuredMgL} when the agreement sets it, else the Table 1 limit of the section's target class. */
    static BigDecimal targetMgL(Double configuredMgL, String param, Section section) {
        return configuredMgL != null ? BigDecimal.valueOf(configuredMgL) : limitMgL(param, section.targetClass(), section);
    }

    /** The GB 3838-2002 Table 1 limit of {@code param} for {@code waterClass} in the section's water body. */
    static BigDecimal limitMgL(String param, WaterClass waterClass, Section section) {
        WaterItem item = WaterItem.fromCode(param).orElseThrow(
                () -> new IllegalArgumentException(param + " is not an item of " + Gb3838Table1.SOURCE));
        double limit = Gb3838Table1.limits(item, section.waterbody()).limitOf(waterClass).orElseThrow(
                () -> new IllegalArgumentException(Gb3838Table1.SOURCE + " has no class " + waterClass.label()
                        + " limit for " + param));
        return BigDecimal.valueOf(limit);
    }
}
