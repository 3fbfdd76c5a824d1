package org.ecovalue.schemas.standards.water;

import java.util.EnumMap;
import java.util.Map;

/**
 * Comprehensive trophic state index of lakes and reservoirs (REFERENCE.md §1.5):
 * TLI(Σ) = Σ W_j · TLI(j), with W_j = r_ij² / Σ r_ij² over the items used.
 *
 * <p>With all five items the weights are 0.2663, 0.1879, 0.1790, 0.1834, 0.1834. Automatic stations
 * have no Secchi depth, so the sum runs over the items present: the definition of W_j normalises over
 * the items evaluated, which is what the formula gives when an item is absent. Chlorophyll a is the
 * reference item of the correlations and must be present.
 */
public final class TrophicStateIndex {

    private TrophicStateIndex() {
    }

    public static TrophicState of(Map<TrophicItem, Double> concentrations) {
        if (!concentrations.containsKey(TrophicItem.CHLA)) {
            throw new IllegalArgumentException("TLI(Σ) is weighted by correlation with chlorophyll a, which is missing");
        }
        double sumR2 = 0;
        for (TrophicItem item : concentrations.keySet()) {
            sumR2 += item.correlationWithChla() * item.correlationWithChla();
        }
        Map<TrophicItem, Double> indices = new EnumMap<>(TrophicItem.class);
        Map<TrophicItem, Double> weights = new EnumMap<>(TrophicItem.class);
        double tli = 0;
        for (Map.Entry<TrophicItem, Double> e : concentrations.entrySet()) {
            TrophicItem item = e.getKey();
            double index = item.index(e.getValue());
            double weight = item.correlationWithChla() * item.correlationWithChla() / sumR2;
            indices.put(item, index);
            weights.put(item, weight);
            tli += weight * index;
        }
        return new TrophicState(tli, TrophicLevel.of(tli), indices, weights);
    }
}
