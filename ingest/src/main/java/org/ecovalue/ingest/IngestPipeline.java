package org.ecovalue.ingest;

import java.util.Objects;
import org.ecovalue.ingest.operations.IngestMetrics;

/**
 * The shared core every source feeds (Debezium's shape): decide ({@link ObservationIntake}), count
 * ({@link IngestMetrics}), queue for Kafka ({@link KafkaPublisher}, blocking when full). The source's
 * acknowledgement runs once the record is durable, or at once for a message with nothing to write.
 */
public final class IngestPipeline {

    private final ObservationIntake intake;
    private final KafkaPublisher publisher;
    private final IngestMetrics metrics;

    public IngestPipeline(ObservationIntake intake, KafkaPublisher publisher, IngestMetrics metrics) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        metrics.queueDepth(publisher::queued);
    }

    /** Routes one message; blocks while the publisher's queue is full (backpressure). */
    public void accept(RawMessage message, KafkaPublisher.Acknowledgement ack) throws InterruptedException {
        submit(message, intake.route(message), ack);
    }

    /** A message on a topic without a decoder: straight to the DLQ. */
    public void unsupported(RawMessage message, String detail, KafkaPublisher.Acknowledgement ack)
            throws InterruptedException {
        submit(message, intake.unsupported(message, detail), ack);
    }

    private void submit(RawMessage message, IntakeDecision decision, KafkaPublisher.Acknowledgement ack)
            throws InterruptedException {
        String source = message.source();
        metrics.received(source, decision.station());
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
