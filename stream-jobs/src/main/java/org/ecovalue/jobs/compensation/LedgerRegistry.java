package org.ecovalue.jobs.compensation;

import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.metrics.Counter;
import org.ecovalue.jobs.registry.RegistryUpdate;
import org.ecovalue.schemas.registry.RegistryItemCodec;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies a registry update to the broadcast state as {@code registry.StationSiting} does: unreadable items are logged and counted. */
final class LedgerRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerRegistry.class);

    private LedgerRegistry() {
    }

    /** Whether the state changed. */
    static boolean apply(RegistryUpdate update, BroadcastState<String, byte[]> state, Counter badItems) throws Exception {
        if (update.isRemoval()) {
            state.remove(update.key());
            return true;
        }
        try {
            RegistryItemCodec.decode(update.value());
        } catch (InputRejectedException e) {
            badItems.inc();
            LOG.warn("event=registry-item-ignored stage=compensation key={} reason={} detail=\"{}\"",
                    update.key(), e.reason().code(), e.detail());
            return false;
        }
        state.put(update.key(), update.value());
        return true;
    }
}
