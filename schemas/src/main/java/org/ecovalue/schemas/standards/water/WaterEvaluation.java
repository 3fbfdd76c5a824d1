package org.ecovalue.schemas.standards.water;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The class of a reading or a period mean under one {@link WaterRule}: the worst class of the
 * evaluated items, the item(s) that decided it, the class of every item that was graded, the main
 * pollutants, the reference items' classes (not part of the class) and the standard that produced it.
 */
public record WaterEvaluation(
        WaterClass waterClass,
        List<WaterItem> limiting,
        Map<WaterItem, WaterClass> itemClasses,
        List<MainPollutant> mainPollutants,
        Map<WaterItem, WaterClass> referenceClasses,
        WaterRule rule,
        WaterBody waterBody,
        String standard) {

    public WaterEvaluation {
        Objects.requireNonNull(waterClass, "waterClass");
        limiting = List.copyOf(limiting);
        itemClasses = Map.copyOf(itemClasses);
        mainPollutants = List.copyOf(mainPollutants);
        referenceClasses = Map.copyOf(referenceClasses);
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(waterBody, "waterBody");
        Objects.requireNonNull(standard, "standard");
    }
}
