package org.ecovalue.simulator.run;

import java.util.concurrent.atomic.AtomicReference;
import org.ecovalue.simulator.truth.GroundTruth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A run on its own thread, for a process that does other things (ecovalue local). */
public final class BackgroundRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundRun.class);

    private final SimulationRun run;
    private final Thread thread;
    private final AtomicReference<GroundTruth> truth = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    public BackgroundRun(SimulationRun run) {
        this.run = run;
        this.thread = new Thread(() -> {
            try {
                truth.set(run.run());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception | Error e) {
                failure.set(e);
                LOG.error("event=simulator-failed error=\"{}\"", e.toString(), e);
            }
        }, "simulator");
        thread.setDaemon(true);
    }

    public BackgroundRun start() {
        thread.start();
        return this;
    }

    public SimulationRun run() {
        return run;
    }

    /** The ground truth once the run has ended; null before. */
    public GroundTruth truth() {
        return truth.get();
    }

    public Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() throws InterruptedException {
        run.stop();
        thread.join(10_000);
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(5_000);
        }
    }
}
