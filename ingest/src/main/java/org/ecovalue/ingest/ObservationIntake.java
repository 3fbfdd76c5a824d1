package org.ecovalue.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.ecovalue.schemas.dlq.DlqRecord;
import org.ecovalue.schemas.hj212.Hj212Decoder;
import org.ecovalue.schemas.hj212.Hj212ObservationMapper;
import org.ecovalue.schemas.hj212.Hj212Packet;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.json.ObservationCodec;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Source;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;
import org.ecovalue.schemas.topics.EcoTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Source-agnostic decision for one received message: the observation record for
 * {@code eco.observations}, a {@link DlqRecord} for {@code eco.ingest.dlq} with its reason, or
 * nothing for an HJ 212 packet that carries no monitoring data. Never throws for bad input; bad
 * input is logged once, without a stack trace.
 *
 * <p>The decoder follows {@link RawMessage#source()}: {@code mqtt-hj212} is one HJ 212-2017 packet,
 * {@code mqtt-json} and {@code opcua} are the JSON observation of DESIGN.md.
 */
public final class ObservationIntake {

    /** Bytes of an oversize payload kept in its DLQ record: Kafka's default record limit is 1 MiB. */
    static final int OVERSIZE_KEPT_BYTES = 16 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ObservationIntake.class);
    private static final String NO_STATION = "unknown";

    private final Hj212Decoder hj212;
    private final StationDirectory stations;
    private final int maxPayloadBytes;

    public ObservationIntake(Hj212Decoder hj212, StationDirectory stations, int maxPayloadBytes) {
        this.hj212 = Objects.requireNonNull(hj212, "hj212");
        this.stations = Objects.requireNonNull(stations, "stations");
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive, got " + maxPayloadBytes);
        }
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** Every station accepted, strict HJ 212 in Asia/Shanghai, the JSON codec's payload limit. */
    public static ObservationIntake acceptingAnyStation() {
        return new ObservationIntake(Hj212Decoder.strict(), StationDirectory.acceptAll(),
                ObservationCodec.MAX_PAYLOAD_BYTES);
    }

    public IntakeDecision route(RawMessage message) {
        String claimed = message.claimedStation();
        if (message.payload().length > maxPayloadBytes) {
            return reject(message, new InputRejectedException(RejectReason.OVERSIZE_PAYLOAD,
                    message.payload().length + " bytes, limit " + maxPayloadBytes + "; the DLQ keeps the first "
                            + Math.min(OVERSIZE_KEPT_BYTES, message.payload().length)),
                    Arrays.copyOf(message.payload(), Math.min(OVERSIZE_KEPT_BYTES, message.payload().length)));
        }
        Observation obs;
        try {
            if (Source.MQTT_HJ212.wire().equals(message.source())) {
                Hj212Packet packet = hj212.decode(message.payload());
                if (packet.isSplit()) {
                    return new IntakeDecision.SplitPart(packet, packet.mn().isBlank() ? orUnknown(claimed) : packet.mn());
                }
                return routePacket(packet, message);
            }
            obs = ObservationCodec.decode(message.payload());
        } catch (InputRejectedException e) {
            return reject(message, e, message.payload());
        }
        return admit(obs, message);
    }

    /**
     * A whole HJ 212 packet (as received, or joined from its parts by {@link SplitPackets}); the
     * message is the one that completed it.
     */
    IntakeDecision routePacket(Hj212Packet packet, RawMessage message) {
        Observation obs;
        try {
            if (!packet.isDataUpload()) {
                String station = packet.mn().isBlank() ? orUnknown(message.claimedStation()) : packet.mn();
                LOG.debug("event=hj212-non-data station={} cn={} sourceRef={}", station, packet.cn(),
                        message.sourceRef());
                return new IntakeDecision.Skip("hj212-cn-" + packet.cn(), station);
            }
            obs = Hj212ObservationMapper.map(packet).observation();
            if (obs.readings().isEmpty()) {
                throw new InputRejectedException(RejectReason.NO_READINGS,
                        "HJ 212 CN " + packet.cn() + " from " + obs.station() + " has no factor with a canonical parameter");
            }
        } catch (InputRejectedException e) {
            return reject(message, e, message.payload());
        }
        return admit(obs, message);
    }

    /** Rejects a message (or the parts of a split packet, as one message) with the reason given. */
    IntakeDecision rejected(RawMessage message, InputRejectedException e) {
        return reject(message, e, message.payload());
    }

    private IntakeDecision admit(Observation obs, RawMessage message) {
        String claimed = message.claimedStation();
        if (claimed != null && !claimed.equals(obs.station())) {
            return reject(message, new InputRejectedException(RejectReason.STATION_MISMATCH,
                    "transport says " + claimed + ", payload says " + obs.station()), message.payload());
        }
        boolean unknown = !stations.isKnown(obs.station());
        if (unknown && stations.policy() == StationDirectory.UnknownStationPolicy.REJECT) {
            return reject(message, new InputRejectedException(RejectReason.UNKNOWN_STATION,
                    "station " + obs.station() + " is not in the registry"), message.payload());
        }
        if (unknown) {
            LOG.warn("event=unknown-station-accepted station={} sourceRef={}", obs.station(), message.sourceRef());
        }
        Observation stamped = obs.withIngest(message.source(), message.sourceRef(), message.receivedAt());
        return new IntakeDecision.Publish(new Outbound(EcoTopic.OBSERVATIONS.topic(), obs.station(),
                ObservationCodec.encode(stamped), null), obs.station(), unknown);
    }

    /** The time zone of HJ 212 DataTime, for joining split packets. */
    java.time.ZoneId hj212Zone() {
        return hj212.zone();
    }

    /** A message on a topic this ingest has no decoder for. */
    public IntakeDecision unsupported(RawMessage message, String detail) {
        return reject(message, new InputRejectedException(RejectReason.UNSUPPORTED_TOPIC, detail), message.payload());
    }

    private static IntakeDecision reject(RawMessage message, InputRejectedException e, byte[] kept) {
        String station = message.claimedStation();
        LOG.warn("event=rejected station={} source={} sourceRef={} reason={} detail=\"{}\"",
                orUnknown(station), message.source(), message.sourceRef(), e.reason().code(), e.detail());
        DlqRecord dlq = DlqRecord.of(e, sourceOf(message.source()), message.sourceRef(), message.receivedAt(), kept);
        return new IntakeDecision.Publish(new Outbound(EcoTopic.INGEST_DLQ.topic(), station, encode(dlq),
                e.reason().code()), orUnknown(station), false);
    }

    static Source sourceOf(String wire) {
        for (Source s : Source.values()) {
            if (s.wire().equals(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a source: " + wire);
    }

    public static byte[] encode(DlqRecord record) {
        try {
            return Json.mapper().writeValueAsBytes(record);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot encode DLQ record", e);
        }
    }

    public static DlqRecord decodeDlq(byte[] json) {
        try {
            return Json.mapper().readValue(json, DlqRecord.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a DLQ record: "
                    + new String(json, 0, Math.min(80, json.length), StandardCharsets.UTF_8), e);
        }
    }

    private static String orUnknown(String station) {
        return station == null ? NO_STATION : station;
    }
}
