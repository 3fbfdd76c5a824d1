package org.ecovalue.jobs.registry;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.streaming.api.TimerService;
import org.ecovalue.schemas.observation.Observation;

/**
 * The waiting room of a keyed registry-broadcast function: an observation whose station (or what the
 * station names) the registry does not know yet waits, at most {@code maxWaiting} per key, for
 * {@code wait} of event time; the function releases the waiting ones when the registry names them.
 *
 * <p>While the job has read no registry item at all, nothing is given up: a job that knows no
 * registry cannot call a station unknown (the registry source may merely be late to start). Those
 * observations wait another round; the per-key bound still holds.
 */
public final class RegistryWait implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long waitMs;
    private final int maxWaiting;

    public RegistryWait(Duration wait, int maxWaiting) {
        this.waitMs = wait.toMillis();
        this.maxWaiting = maxWaiting;
        if (waitMs <= 0 || maxWaiting < 1) {
            throw new IllegalArgumentException("registryWait and maxWaiting must be positive");
        }
    }

    /**
     * Puts {@code obs} in the waiting room with a timer at the end of its wait.
     *
     * @return false, and nothing held, when the key already holds {@code maxWaiting} observations
     */
    public boolean hold(ListState<Observation> waiting, Observation obs, TimerService timers) throws Exception {
        int held = 0;
        for (Observation ignored : waiting.get()) {
            held++;
        }
        if (held >= maxWaiting) {
            return false;
        }
        waiting.add(obs);
        timers.registerEventTimeTimer(obs.ts().toEpochMilli() + waitMs);
        return true;
    }

    /**
     * At an event-time timer: the observations whose wait is over go to {@code giveUp}, the others
     * stay; with an empty registry they all stay and wait another round.
     */
    public void expire(ListState<Observation> waiting, long timestamp, ReadOnlyBroadcastState<String, byte[]> registry,
                       TimerService timers, Consumer<Observation> giveUp) throws Exception {
        boolean registryRead = registry.immutableEntries().iterator().hasNext();
        List<Observation> keep = new ArrayList<>();
        for (Observation obs : waiting.get()) {
            if (obs.ts().toEpochMilli() + waitMs > timestamp) {
                keep.add(obs);
            } else if (registryRead) {
                giveUp.accept(obs);
            } else {
                keep.add(obs);
                timers.registerEventTimeTimer(timestamp + waitMs);
            }
        }
        if (keep.isEmpty()) {
            waiting.clear();
        } else {
            waiting.update(keep);
        }
    }
}
