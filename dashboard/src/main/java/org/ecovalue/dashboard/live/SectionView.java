package org.ecovalue.dashboard.live;

/**
 * A section as the overview shows it: the registry's description plus the latest water class
 * (GB 3838-2002, "I" … "劣V") and where it came from ({@code station-class}: the real-time class
 * of its quality station; {@code ledger}: the class of the running period figure). {@code
 * currentClass} is null until a class has arrived.
 */
public record SectionView(
        String id,
        String name,
        String river,
        String basin,
        String role,
        String upstreamUnit,
        String upstreamName,
        String downstreamUnit,
        String downstreamName,
        String targetClass,
        String currentClass,
        Integer classNumber,
        Boolean meetsTarget,
        Long observedAt,
        String source) {
}
