package org.ecovalue.local;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.slf4j.Marker;

/**
 * Drops the few warnings that an in-process, single-node stack always prints while stopping and
 * that say nothing actionable. Everything else from the platform still shows at WARN.
 */
public final class KnownHarmlessWarnings extends TurboFilter {

    private record Known(String logger, String messageStart) {
    }

    private static final List<Known> KNOWN = List.of(
            // the test kit closes the broker's controller channel twice on shutdown
            new Known("org.apache.kafka.clients.NetworkClient", "[NodeToControllerChannelManager id="),
            // a heartbeat scheduled while the MiniCluster shuts down
            new Known("org.apache.flink.runtime.rpc", "The scheduled executor service is shutdown"));

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format == null || level != Level.WARN) {
            return FilterReply.NEUTRAL;
        }
        for (Known k : KNOWN) {
            if (logger.getName().startsWith(k.logger()) && format.startsWith(k.messageStart())) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
