package org.ecovalue.jobs.compensation;

import java.util.Objects;

/**
 * One clean reading of a section's quality or flow station, routed to an agreement on that section
 * (flat fields, so that Flink serializes it as a POJO, not with Kryo).
 *
 * @param agreementId the agreement it counts for (the key of the ledger)
 * @param stationId   the station that measured it
 * @param at          measurement time, epoch milliseconds
 * @param param       parameter code; {@code flow} [m³/s] from the flow station, else a concentration [mg/L]
 * @param value       the value in the parameter's unit
 */
public record SectionReading(String agreementId, String stationId, long at, String param, double value) {

    public static final String FLOW = "flow";

    public SectionReading {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(param, "param");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(param + " of " + stationId + " at " + at + " is not finite: " + value);
        }
    }

    public boolean isFlow() {
        return FLOW.equals(param);
    }
}
