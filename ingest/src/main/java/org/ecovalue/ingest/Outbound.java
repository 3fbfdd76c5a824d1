package org.ecovalue.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A Kafka record ingest is about to write, with what it stands for (for logs and counters).
 *
 * @param reason null for an observation, the DLQ reason otherwise
 */
public record Outbound(String topic, String key, byte[] value, String reason) {

    public Outbound {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(value, "value");
    }

    public boolean isDeadLetter() {
        return reason != null;
    }

    public byte[] keyBytes() {
        return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    }
}
