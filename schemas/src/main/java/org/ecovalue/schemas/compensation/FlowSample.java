package org.ecovalue.schemas.compensation;

import java.time.Instant;
import java.util.Objects;

/** One flow reading of a section's flow station: the instant and the flow in m³/s (quality-controlled). */
public record FlowSample(Instant at, double flowM3s) {
    public FlowSample {
        Objects.requireNonNull(at, "at");
        if (!Double.isFinite(flowM3s)) {
            throw new IllegalArgumentException("flow at " + at + " is not finite: " + flowM3s);
        }
    }
}
