package org.ecovalue.schemas.dlq;

import java.util.Base64;
import org.ecovalue.schemas.observation.Source;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;
import org.ecovalue.schemas.registry.FieldCheck;
import org.ecovalue.schemas.registry.InvalidFieldException;

/**
 * What ingest could not decode, on {@code eco.ingest.dlq} (key: the station id when known, else
 * null). Bad input never disappears: the raw bytes travel base64-encoded, exactly as received, so
 * {@code dlq replay} can feed them back once the cause is fixed. {@code reason} is a stable
 * {@link RejectReason} code; {@code source} is {@code mqtt-json}, {@code mqtt-hj212} or
 * {@code opcua}; {@code sourceRef} says where the bytes came from (MQTT topic, OPC UA endpoint and
 * node); {@code receivedAt} is epoch milliseconds.
 */
public record DlqRecord(
        String reason,
        String detail,
        String source,
        String sourceRef,
        long receivedAt,
        String payloadBase64) {

    public DlqRecord {
        FieldCheck.text(reason, "reason");
        if (reasonOf(reason) == null) {
            throw new InvalidFieldException("reason", "'" + reason + "' is not a reject reason code");
        }
        FieldCheck.text(detail, "detail");
        FieldCheck.text(source, "source");
        if (sourceOf(source) == null) {
            throw new InvalidFieldException("source", "'" + source + "' is not mqtt-json, mqtt-hj212 or opcua");
        }
        FieldCheck.text(sourceRef, "sourceRef");
        FieldCheck.nonNegative(receivedAt, "receivedAt");
        FieldCheck.present(payloadBase64, "payloadBase64");
        try {
            Base64.getDecoder().decode(payloadBase64);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("payloadBase64", "is not base64: " + e.getMessage());
        }
    }

    /** The DLQ record of a rejected input: its reason and detail, and the bytes as they arrived. */
    public static DlqRecord of(InputRejectedException rejection, Source source, String sourceRef,
            long receivedAtMs, byte[] payload) {
        return new DlqRecord(rejection.reason().code(), rejection.detail(), source.wire(), sourceRef, receivedAtMs,
                Base64.getEncoder().encodeToString(payload == null ? new byte[0] : payload));
    }

    /** The raw bytes as received. */
    public byte[] payload() {
        return Base64.getDecoder().decode(payloadBase64);
    }

    public RejectReason rejectReason() {
        return reasonOf(reason);
    }

    private static RejectReason reasonOf(String code) {
        for (RejectReason r : RejectReason.values()) {
            if (r.code().equals(code)) {
                return r;
            }
        }
        return null;
    }

    private static Source sourceOf(String wire) {
        for (Source s : Source.values()) {
            if (s.wire().equals(wire)) {
                return s;
            }
        }
        return null;
    }
}
