package org.ecovalue.schemas.hj212;

import java.util.List;
import java.util.Objects;
import org.ecovalue.schemas.observation.Observation;

/**
 * What a data packet says in the contract's vocabulary: the observation (station = MN, ts =
 * DataTime, readings in canonical units) plus the factors that could not be mapped.
 * The readings may be empty when no factor maps; the caller decides what that means.
 */
public record Hj212Observation(Observation observation, Hj212Command command, List<Hj212UnmappedFactor> unmapped) {

    public Hj212Observation {
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(command, "command");
        unmapped = List.copyOf(Objects.requireNonNull(unmapped, "unmapped"));
    }
}
