package org.ecovalue.jobs.registry;

import java.util.Objects;

/**
 * One record of the compacted {@code eco.registry} topic: key {@code {kind}/{id}}, value the
 * {@link org.ecovalue.schemas.registry.RegistryItemCodec} bytes or null when the item was removed.
 * The job keeps these bytes in broadcast state, never Kryo'd registry objects.
 */
public record RegistryUpdate(String key, byte[] value) {

    public RegistryUpdate {
        Objects.requireNonNull(key, "key");
    }

    public boolean isRemoval() {
        return value == null;
    }
}
