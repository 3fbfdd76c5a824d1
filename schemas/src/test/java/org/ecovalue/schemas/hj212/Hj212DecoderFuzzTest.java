package org.ecovalue.schemas.hj212;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.time.Instant;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.reject.InputRejectedException;

/**
 * No input can make the HJ 212 code throw anything but its own rejection: bytes and text through
 * both decoder modes, the observation mapper, the split assembler and the CLI rendering (which
 * must always return one line of valid JSON).
 *
 * <p>In a normal {@code mvn test} Jazzer runs the seed corpus only (regression mode):
 * {@code src/test/resources/org/ecovalue/schemas/hj212/Hj212DecoderFuzzTestInputs/anyInputIsDecodedOrRejected/},
 * the 46 valid packets of testdata/hj212 in wire form ({@code valid_*}) and their bare data
 * segments ({@code segment_*}). {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class Hj212DecoderFuzzTest {

    private static final Hj212Decoder STRICT = Hj212Decoder.strict();
    private static final Hj212Decoder TOLERANT = Hj212Decoder.tolerant();
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    private final Hj212SplitAssembler assembler = new Hj212SplitAssembler();

    @FuzzTest(maxDuration = "60s")
    void anyInputIsDecodedOrRejected(byte[] input) throws IOException {
        // as received, and framed with a correct length and CRC: random bytes almost never carry a
        // valid CRC, and the framed form lets the fuzzer reach header, CP and value parsing
        byte[] framed = framed(input);
        for (Hj212Decoder decoder : new Hj212Decoder[] {STRICT, TOLERANT}) {
            exercise(decoder, input);
            if (framed != null) {
                exercise(decoder, framed);
            }
        }
        String text = new String(input, UTF_8);
        try {
            STRICT.decode(text);
        } catch (InputRejectedException expected) {
            // the only way out besides success
        }
        String line = Hj212JsonLines.render(text, TOLERANT);
        if (line == null || line.contains("\n") || !Json.mapper().readTree(line).isObject()) {
            throw new IllegalStateException("render must give one JSON object per line, got: " + line);
        }
    }

    /** {@code ##} + length + the input as data segment + its CRC, or null if too long for a frame. */
    private static byte[] framed(byte[] segment) {
        if (segment.length > 9999) {
            return null;
        }
        byte[] head = String.format("##%04d", segment.length).getBytes(UTF_8);
        byte[] crc = Hj212Crc.format(Hj212Crc.compute(segment, 0, segment.length)).getBytes(UTF_8);
        byte[] out = new byte[head.length + segment.length + crc.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(segment, 0, out, head.length, segment.length);
        System.arraycopy(crc, 0, out, head.length + segment.length, crc.length);
        return out;
    }

    private void exercise(Hj212Decoder decoder, byte[] input) {
        Hj212Packet packet;
        try {
            packet = decoder.decode(input);
        } catch (InputRejectedException expected) {
            return;
        }
        try {
            packet.toObservation();
        } catch (InputRejectedException expected) {
            // not a data packet, split part, no station …
        }
        try {
            assembler.accept(packet, NOW);
        } catch (InputRejectedException expected) {
            // a part that cannot be joined
        }
    }
}
