package org.ecovalue.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Base64;
import java.util.Objects;
import org.ecovalue.schemas.json.Json;

/**
 * A record of {@code eco.ingest.dlq}: {@code {reason, detail, source, sourceRef, receivedAt, payloadBase64}}.
 * Kept in ingest until {@code schemas} publishes the official type.
 */
public record DeadLetter(String reason, String detail, String source, String sourceRef, long receivedAt,
                         String payloadBase64) {

    /** Reason for a message on a topic kind this ingest does not decode yet (e.g. {@code …/hj212}). */
    public static final String UNSUPPORTED_TOPIC = "unsupported-topic";

    public DeadLetter {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payloadBase64, "payloadBase64");
    }

    public static DeadLetter of(String reason, String detail, RawMessage message) {
        return new DeadLetter(reason, detail, message.source(), message.sourceRef(), message.receivedAt(),
                Base64.getEncoder().encodeToString(message.payload()));
    }

    public byte[] toJson() {
        try {
            return Json.mapper().writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode dead letter", e);
        }
    }

    public static DeadLetter fromJson(byte[] json) {
        try {
            return Json.mapper().readValue(json, DeadLetter.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a dead letter record", e);
        }
    }
}
