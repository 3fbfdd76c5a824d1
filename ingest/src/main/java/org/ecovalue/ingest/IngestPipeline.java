package org.ecovalue.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ecovalue.ingest.operations.IngestMetrics;
import org.ecovalue.schemas.hj212.Hj212SplitAssembler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared core every source feeds (Debezium's shape): decide ({@link ObservationIntake}), count
 * ({@link IngestMetrics}), queue for Kafka ({@link KafkaPublisher}, blocking when full). The source's
 * acknowledgement runs once the record is durable, or at once for a message with nothing to write.
 * The parts of a split HJ 212 packet wait in {@link SplitPackets} until the packet is whole; a timer
 * gives up on packets whose parts stop coming ({@code incomplete-split} to the DLQ). A waiting part
 * is acknowledged on arrival: brokers deliver a topic in order and may hold its next message until
 * the previous one is acknowledged (HiveMQ does for shared subscriptions), so holding the first
 * part's acknowledgement would keep the second from ever arriving. The price: parts waiting in
 * memory when ingest crashes are lost (docs/ingest.md).
 */
public final class IngestPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
    private static final Duration EXPIRY_TICK = Duration.ofSeconds(1);

    private final ObservationIntake intake;
    private final KafkaPublisher publisher;
    private final IngestMetrics metrics;
    private final SplitPackets splits;
    private ScheduledExecutorService expiry;

    /** Split HJ 212 packets given up after {@link Hj212SplitAssembler#DEFAULT_TIMEOUT}. */
    public IngestPipeline(ObservationIntake intake, KafkaPublisher publisher, IngestMetrics metrics) {
        this(intake, publisher, metrics, Hj212SplitAssembler.DEFAULT_TIMEOUT);
    }

    public IngestPipeline(ObservationIntake intake, KafkaPublisher publisher, IngestMetrics metrics,
                          Duration splitTimeout) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.splits = new SplitPackets(new Hj212SplitAssembler(splitTimeout,
                Hj212SplitAssembler.DEFAULT_MAX_PENDING_GROUPS, Hj212SplitAssembler.DEFAULT_MAX_PARTS,
                intake.hj212Zone()));
        metrics.queueDepth(publisher::queued);
    }

    /** Routes one message; blocks while the publisher's queue is full (backpressure). */
    public void accept(RawMessage message, KafkaPublisher.Acknowledgement ack) throws InterruptedException {
        IntakeDecision decision = intake.route(message);
        if (decision instanceof IntakeDecision.SplitPart part) {
            metrics.received(message.source(), part.station());
            startExpiry();
            List<SplitPackets.Settled> settled = splits.accept(part.packet(), message);
            boolean holdsThisPart = settled.stream().anyMatch(x -> x.parts().stream().anyMatch(m -> m == message));
            if (!holdsThisPart) {
                ack.durable();
            }
            settle(settled, message, ack);
            return;
        }
        metrics.received(message.source(), decision.station());
        submit(message, decision, ack);
    }

    /** Gives up on split packets whose parts stopped coming before {@code now} minus the timeout. */
    public void expireSplitPackets(Instant now) throws InterruptedException {
        settle(splits.expire(now), null, null);
    }

    /** Parts of split HJ 212 packets waiting for the rest. */
    public int pendingSplitPackets() {
        return splits.pending();
    }

    /** Writes what got settled; {@code current}'s acknowledgement follows the record that includes it. */
    private void settle(List<SplitPackets.Settled> settled, RawMessage current, KafkaPublisher.Acknowledgement ack)
            throws InterruptedException {
        for (SplitPackets.Settled s : settled) {
            KafkaPublisher.Acknowledgement then = s.parts().stream().anyMatch(m -> m == current) ? ack : () -> { };
            if (s instanceof SplitPackets.Joined j) {
                submit(j.last(), intake.routePacket(j.packet(), j.last()), then);
            } else if (s instanceof SplitPackets.Abandoned a) {
                submit(a.asOne(), intake.rejected(a.asOne(), a.rejection()), then);
            } else if (s instanceof SplitPackets.Refused r) {
                submit(r.part(), intake.rejected(r.part(), r.rejection()), then);
            }
        }
    }

    private synchronized void startExpiry() {
        if (expiry == null) {
            expiry = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ingest-hj212-split-expiry");
                t.setDaemon(true);
                return t;
            });
            expiry.scheduleWithFixedDelay(() -> {
                try {
                    expireSplitPackets(Instant.now());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    LOG.error("event=split-expiry-failed error=\"{}\"", e.toString(), e);
                }
            }, EXPIRY_TICK.toMillis(), EXPIRY_TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the split-packet timer; parts still waiting stay unacknowledged (redelivered by the broker). */
    @Override
    public synchronized void close() {
        if (expiry != null) {
            expiry.shutdownNow();
        }
    }

    /** A message on a topic without a decoder: straight to the DLQ. */
    public void unsupported(RawMessage message, String detail, KafkaPublisher.Acknowledgement ack)
            throws InterruptedException {
        IntakeDecision decision = intake.unsupported(message, detail);
        metrics.received(message.source(), decision.station());
        submit(message, decision, ack);
    }

    private void submit(RawMessage message, IntakeDecision decision, KafkaPublisher.Acknowledgement ack)
            throws InterruptedException {
        String source = message.source();
        if (decision instanceof IntakeDecision.Skip skip) {
            metrics.skipped(source, skip.what());
            ack.durable();
            return;
        }
        IntakeDecision.Publish publish = (IntakeDecision.Publish) decision;
        Outbound out = publish.record();
        if (out.isDeadLetter()) {
            metrics.rejected(source, publish.station(), out.reason());
        } else if (publish.unknownStation()) {
            metrics.unknownStationAccepted(publish.station());
        }
        publisher.publish(out, () -> {
            if (out.isDeadLetter()) {
                metrics.deadLettered(source);
            } else {
                metrics.published(source, publish.station());
            }
            ack.durable();
        });
    }

    public KafkaPublisher publisher() {
        return publisher;
    }

    public IngestMetrics metrics() {
        return metrics;
    }
}
