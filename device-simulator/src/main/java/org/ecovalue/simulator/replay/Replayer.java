package org.ecovalue.simulator.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.ecovalue.simulator.delivery.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes recorded readings with their original timestamps, spaced as recorded, {@code speed}× faster (0: at once). */
public final class Replayer {

    private static final Logger LOG = LoggerFactory.getLogger(Replayer.class);

    private Replayer() {
    }

    /** @return messages published */
    public static long replay(List<RecordedReadings.Recorded> recorded, Publisher publisher, double speed) throws Exception {
        if (recorded.isEmpty()) {
            return 0;
        }
        Instant first = recorded.get(0).eventTime();
        long wallStart = System.nanoTime();
        long n = 0;
        for (RecordedReadings.Recorded r : recorded) {
            if (speed > 0) {
                long due = wallStart + (long) (Math.max(0, Duration.between(first, r.eventTime()).toNanos()) / speed);
                for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                    LockSupport.parkNanos(left);
                }
            }
            publisher.publish(r.delivery());
            n++;
        }
        publisher.flush();
        LOG.info("event=replay-finished messages={} first={} last={}", n, first, recorded.get(recorded.size() - 1).eventTime());
        return n;
    }
}
