package org.ecovalue.jobs.inventory;

import java.util.Objects;
import org.ecovalue.schemas.registry.UnitKind;

/**
 * One flow reading at an outlet section, placed in the unit whose water leaves through it
 * (the section's upstream unit).
 *
 * @param counts           the reading passed quality control
 * @param intervalSeconds  the station's reporting interval: the time one reading stands for
 * @param expectedPerDay   readings a full day should bring from all flow stations of the unit's outlet sections
 */
public record FlowSample(String unitId, String unitName, UnitKind unitKind, String stationId, String sectionId,
                         long tsMillis, double flowM3s, boolean counts, long intervalSeconds, double expectedPerDay) {

    public FlowSample {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(unitKind, "unitKind");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(sectionId, "sectionId");
        if (intervalSeconds <= 0 || expectedPerDay <= 0) {
            throw new IllegalArgumentException("intervalSeconds and expectedPerDay must be positive");
        }
    }

    /** The water that passed while this reading was the current one: flow × reporting interval. */
    public double volumeM3() {
        return flowM3s * intervalSeconds;
    }
}
