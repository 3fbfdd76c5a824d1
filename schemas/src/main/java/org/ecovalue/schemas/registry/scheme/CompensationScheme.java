package org.ecovalue.schemas.registry.scheme;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How an agreement turns a period's monitoring into money: the five engines of REFERENCE.md §8.3,
 * each with its parameters as configuration (REFERENCE.md §9). In YAML and JSON the scheme is an
 * object whose {@code name} says which one it is.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "name")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FluxScheme.class, name = FluxScheme.NAME),
        @JsonSubTypes.Type(value = PIndexScheme.class, name = PIndexScheme.NAME),
        @JsonSubTypes.Type(value = ClassStepScheme.class, name = ClassStepScheme.NAME),
        @JsonSubTypes.Type(value = TieredExceedanceScheme.class, name = TieredExceedanceScheme.NAME),
        @JsonSubTypes.Type(value = ServiceValueShareScheme.class, name = ServiceValueShareScheme.NAME)})
public sealed interface CompensationScheme
        permits FluxScheme, PIndexScheme, ClassStepScheme, TieredExceedanceScheme, ServiceValueShareScheme {

    /** All scheme names, as {@code scheme.name} accepts them. */
    String NAMES = String.join("|", FluxScheme.NAME, PIndexScheme.NAME, ClassStepScheme.NAME,
            TieredExceedanceScheme.NAME, ServiceValueShareScheme.NAME);

    /** The {@code name} of the scheme, as in YAML and in the ledger entry's {@code scheme}. */
    String schemeName();

    /** Whether the scheme settles on a monitoring section (all but the ES-value share do). */
    default boolean settlesOnSection() {
        return true;
    }

    /** Whether it needs the volume that crossed the section, so the section needs a flow station. */
    default boolean needsFlow() {
        return false;
    }
}
