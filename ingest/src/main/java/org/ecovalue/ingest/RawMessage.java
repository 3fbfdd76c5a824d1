package org.ecovalue.ingest;

import java.util.Objects;

/**
 * One message as a source received it, before decoding.
 *
 * @param source         the {@code source} value of DESIGN.md ({@code mqtt-json}, {@code mqtt-hj212}, {@code opcua})
 * @param sourceRef      where exactly it came from (MQTT topic, OPC UA node …)
 * @param claimedStation the station the transport says sent it (MQTT topic level), null if unknown
 * @param payload        the bytes as received
 * @param receivedAt     epoch ms when ingest received it
 */
public record RawMessage(String source, String sourceRef, String claimedStation, byte[] payload, long receivedAt) {

    public RawMessage {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceRef, "sourceRef");
        payload = payload == null ? new byte[0] : payload;
    }
}
