package org.ecovalue.schemas.registry;

/**
 * One record of the registry: what {@code eco.registry} carries, one per key {@code {kind}/{id}}
 * (a null value removes it). The Flink job holds the items in broadcast state and rebuilds a
 * {@link Registry} from them with {@link Registry#of}; {@link RegistryItemCodec} is the wire form.
 */
public sealed interface RegistryItem
        permits Basin, AdministrativeUnit, GridCell, Station, Section, PriceTable, Agreement {

    String id();

    /** Not {@code kind()}: units and stations have a {@code kind} field of their own. */
    RegistryKind registryKind();

    /** The Kafka key on {@code eco.registry}: {@code {kind}/{id}}, e.g. {@code station/SW390121000001}. */
    default String key() {
        return registryKind().key(id());
    }
}
