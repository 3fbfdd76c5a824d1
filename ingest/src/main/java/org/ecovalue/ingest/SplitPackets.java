package org.ecovalue.ingest;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecovalue.schemas.hj212.Hj212Packet;
import org.ecovalue.schemas.hj212.Hj212SplitAssembler;
import org.ecovalue.schemas.reject.InputRejectedException;

/**
 * Joins the parts of split HJ 212 packets that arrive as separate MQTT messages, with the
 * assembler of {@code schemas} (which does the joining and its checks), and keeps what the
 * assembler does not: each part's message, so that a packet given up on reaches the DLQ with the
 * bytes of every part that came. Thread-safe.
 */
final class SplitPackets {

    /** A settled split packet and the messages of its parts. */
    sealed interface Settled {
        List<RawMessage> parts();
    }

    /** All parts arrived: the joined packet; {@code last} is the message that completed it. */
    record Joined(Hj212Packet packet, RawMessage last, List<RawMessage> parts) implements Settled {
    }

    /** Given up (timeout, eviction, parts that do not join): one DLQ record for all parts received. */
    record Abandoned(RawMessage asOne, InputRejectedException rejection, List<RawMessage> parts) implements Settled {
    }

    /** A part refused on its own (no QN, PNUM disagreeing …): nothing else changes. */
    record Refused(RawMessage part, InputRejectedException rejection) implements Settled {
        @Override
        public List<RawMessage> parts() {
            return List.of(part);
        }
    }

    private record Key(String mn, String qn) {
    }

    private final Hj212SplitAssembler assembler;
    private final Map<Key, List<RawMessage>> waiting = new HashMap<>();

    SplitPackets(Hj212SplitAssembler assembler) {
        this.assembler = assembler;
    }

    /** Offers one part; returns what got settled by it (possibly nothing yet). */
    synchronized List<Settled> accept(Hj212Packet part, RawMessage message) {
        Instant now = Instant.ofEpochMilli(message.receivedAt());
        // expire first, so that whatever accept() abandons below is the current key's group or an evicted one
        List<Settled> settled = abandon(assembler.expire(now));
        Hj212SplitAssembler.Result result;
        try {
            result = assembler.accept(part, now);
        } catch (InputRejectedException e) {
            settled.add(new Refused(message, e));
            return settled;
        }
        Key key = new Key(part.mn(), part.qn());
        waiting.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
        settled.addAll(abandon(result.abandoned()));
        Optional<Hj212Packet> joined = result.completed();
        if (joined.isPresent()) {
            settled.add(new Joined(joined.get(), message, take(key)));
        }
        return settled;
    }

    /** Gives up on the packets whose parts stopped coming (called by a timer too). */
    synchronized List<Settled> expire(Instant now) {
        return abandon(assembler.expire(now));
    }

    synchronized int pending() {
        return assembler.pendingGroups();
    }

    private List<Settled> abandon(List<Hj212SplitAssembler.Abandoned> abandoned) {
        List<Settled> out = new ArrayList<>();
        for (Hj212SplitAssembler.Abandoned a : abandoned) {
            List<RawMessage> parts = take(new Key(a.mn(), a.qn()));
            if (!parts.isEmpty()) {
                out.add(new Abandoned(asOne(parts), a.rejection(), parts));
            }
        }
        return out;
    }

    private List<RawMessage> take(Key key) {
        List<RawMessage> parts = waiting.remove(key);
        return parts == null ? List.of() : parts;
    }

    /** The parts' bytes one after the other (each packet ends with CR LF), as the first part's message. */
    private static RawMessage asOne(List<RawMessage> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (RawMessage p : parts) {
            bytes.writeBytes(p.payload());
        }
        RawMessage first = parts.get(0);
        return new RawMessage(first.source(), first.sourceRef(), first.claimedStation(), bytes.toByteArray(),
                first.receivedAt());
    }
}
