package org.ecovalue.schemas.standards.water;

import java.util.Map;
import java.util.Objects;

/** TLI(Σ) of a lake or reservoir, its grade, and the per-item indices and weights it was made of. */
public record TrophicState(double tli, TrophicLevel level, Map<TrophicItem, Double> itemIndices,
        Map<TrophicItem, Double> weights) {

    public TrophicState {
        Objects.requireNonNull(level, "level");
        itemIndices = Map.copyOf(itemIndices);
        weights = Map.copyOf(weights);
    }
}
