package org.ecovalue.schemas.compensation;

/**
 * What a period is settled on: the monitoring of a section ({@link SectionPeriod}, every scheme but
 * the ES-value share) or the ecosystem-service values of the upstream unit ({@link ServiceValues}).
 */
public sealed interface SettlementBasis permits SectionPeriod, ServiceValues {

    /** The period label (2026-04, 2026). */
    String period();
}
