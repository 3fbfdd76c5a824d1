package org.ecovalue.simulator.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A pollution incident: {@code peakMgL} of {@code param} added at {@code section} from {@code start},
 * decaying with time constant {@code decay}, and carried to every section downstream with the river's
 * travel time, attenuated by dilution and self-purification on the way.
 */
public record Incident(String section, String param, Instant start, double peakMgL, Duration decay) {

    public Incident {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(start, "start");
        if (!(peakMgL > 0)) {
            throw new IllegalArgumentException("incident peakMgL must be positive, got " + peakMgL);
        }
        decay = decay == null ? Duration.ofHours(6) : decay;
    }
}
