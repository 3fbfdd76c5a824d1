package org.ecovalue.ingest;

import org.ecovalue.schemas.topics.EcoTopic;
import org.ecovalue.schemas.json.ObservationCodec;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Source-agnostic decision for one received message: the observation record for
 * {@code eco.observations}, or a dead letter for {@code eco.ingest.dlq} with its reason.
 * Never throws for bad input; bad input is logged once, without a stack trace.
 */
public final class ObservationIntake {

    /** A payload decoder of one wire format (JSON now, HJ 212 later). */
    @FunctionalInterface
    public interface Decoder {
        Observation decode(byte[] payload) throws InputRejectedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ObservationIntake.class);

    private final Decoder decoder;

    public ObservationIntake(Decoder decoder) {
        this.decoder = decoder;
    }

    /** The intake for the JSON payload of DESIGN.md. */
    public static ObservationIntake json() {
        return new ObservationIntake(ObservationCodec::decode);
    }

    public Outbound route(RawMessage message) {
        Observation obs;
        try {
            obs = decoder.decode(message.payload());
        } catch (InputRejectedException e) {
            return deadLetter(message, e.reason().code(), e.detail());
        }
        if (message.claimedStation() != null && !message.claimedStation().equals(obs.station())) {
            return deadLetter(message, RejectReason.STATION_MISMATCH.code(),
                    "transport says " + message.claimedStation() + ", payload says " + obs.station());
        }
        Observation stamped = obs.withIngest(message.source(), message.sourceRef(), message.receivedAt());
        return new Outbound(EcoTopic.OBSERVATIONS.topic(), obs.station(), ObservationCodec.encode(stamped), null);
    }

    /** A message this ingest cannot handle at all (e.g. a topic kind without a decoder yet). */
    public static Outbound unsupported(RawMessage message, String detail) {
        return deadLetter(message, DeadLetter.UNSUPPORTED_TOPIC, detail);
    }

    private static Outbound deadLetter(RawMessage message, String reason, String detail) {
        LOG.warn("event=rejected station={} source={} sourceRef={} reason={} detail=\"{}\"",
                message.claimedStation(), message.source(), message.sourceRef(), reason, detail);
        return new Outbound(EcoTopic.INGEST_DLQ.topic(), message.claimedStation(),
                DeadLetter.of(reason, detail, message).toJson(), reason);
    }
}
