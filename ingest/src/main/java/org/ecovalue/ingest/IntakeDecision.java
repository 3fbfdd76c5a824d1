package org.ecovalue.ingest;

import java.util.Objects;

/** What ingest does with one received message: write a Kafka record, or only count it. */
public sealed interface IntakeDecision {

    /** The station the decision is about (for logs and metrics); "unknown" when none could be read. */
    String station();

    /**
     * Write {@code record} (to {@code eco.observations} or {@code eco.ingest.dlq}).
     *
     * @param unknownStation an accepted observation from a station the registry does not list
     */
    record Publish(Outbound record, String station, boolean unknownStation) implements IntakeDecision {
        public Publish {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(station, "station");
        }
    }

    /**
     * One part of a split HJ 212 packet (PNUM/PNO; REFERENCE.md §6.2): written only once all
     * parts are joined ({@link SplitPackets}), or to the DLQ as {@code incomplete-split}.
     */
    record SplitPart(org.ecovalue.schemas.hj212.Hj212Packet packet, String station) implements IntakeDecision {
        public SplitPart {
            Objects.requireNonNull(packet, "packet");
            Objects.requireNonNull(station, "station");
        }
    }

    /**
     * Nothing to write, nothing wrong: an HJ 212 heartbeat, acknowledgement or request (HJ 212-2017
     * §6.6 command packets) is counted, not published as an observation.
     */
    record Skip(String what, String station) implements IntakeDecision {
        public Skip {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(station, "station");
        }
    }
}
