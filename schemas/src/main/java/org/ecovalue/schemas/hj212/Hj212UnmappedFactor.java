package org.ecovalue.schemas.hj212;

import java.util.Objects;

/**
 * A factor of a data packet that did not become a reading, and why: no canonical parameter, no
 * value of the packet's kind, a flag outside Table 8, an impossible value. Reported, never dropped.
 */
public record Hj212UnmappedFactor(String factor, String reason) {

    public Hj212UnmappedFactor {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(reason, "reason");
    }
}
