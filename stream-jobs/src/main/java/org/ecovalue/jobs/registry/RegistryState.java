package org.ecovalue.jobs.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.RegistryItem;
import org.ecovalue.schemas.registry.RegistryItemCodec;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry in broadcast state: {@code {kind}/{id}} → codec bytes. A decoded {@link Registry} is
 * cached per task and rebuilt after each change (changes are rare, readings are many).
 */
public final class RegistryState {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryState.class);

    public static final MapStateDescriptor<String, byte[]> DESCRIPTOR =
            new MapStateDescriptor<>("registry", Types.STRING, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

    private Registry cached;

    /** Forgets the decoded registry; the next {@link #registry} decodes the state again. */
    public void changed() {
        cached = null;
    }

    public Registry registry(ReadOnlyBroadcastState<String, byte[]> state) throws Exception {
        if (cached == null) {
            List<RegistryItem> items = new ArrayList<>();
            for (Map.Entry<String, byte[]> e : state.immutableEntries()) {
                try {
                    items.add(RegistryItemCodec.decode(e.getValue()));
                } catch (InputRejectedException ex) {
                    // validated on the way in (RegistryBroadcast); only a codec change could get here
                    LOG.warn("event=registry-item-unreadable key={} reason={} detail=\"{}\"",
                            e.getKey(), ex.reason().code(), ex.detail());
                }
            }
            cached = Registry.of(items);
        }
        return cached;
    }
}
