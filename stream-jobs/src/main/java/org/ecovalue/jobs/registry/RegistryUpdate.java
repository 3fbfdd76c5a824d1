package org.ecovalue.jobs.registry;

import java.util.Objects;

/**
 * One record of the compacted {@code eco.registry} topic: key {@code {kind}/{id}}, value the
 * {@link org.ecovalue.schemas.registry.RegistryItemCodec} bytes or null when the item was removed.
 * The job keeps these bytes in broadcast state, never Kryo'd registry objects. Partition and offset
 * say where in the topic it was read ({@link #NOWHERE} when it came from elsewhere, e.g. a test), so the
 * registry source knows when it has read the topic up to its end ({@link RegistryWatermarks}).
 */
public record RegistryUpdate(String key, byte[] value, int partition, long offset) {

    public static final int NOWHERE = -1;

    public RegistryUpdate {
        Objects.requireNonNull(key, "key");
    }

    public RegistryUpdate(String key, byte[] value) {
        this(key, value, NOWHERE, NOWHERE);
    }

    public boolean isRemoval() {
        return value == null;
    }
}
