package org.ecovalue.schemas.hj212;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.json.ObservationCodec;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;

/**
 * One JSON line per packet, for {@code ecovalue hj212 decode} (DESIGN.md "Command line"):
 * <ul>
 * <li>a data upload: the observation as on {@code eco.observations} (ts in epoch ms, canonical
 *     units), plus {@code cn}, {@code version}, {@code qn}, {@code unmapped} (factor and reason) and,
 *     if any, {@code tolerated};</li>
 * <li>any other packet (commands, acks, data requests, one part of a split packet):
 *     {@code {"packet":{…}}} with the header, the raw CP fields and DataTime; the password is left out;</li>
 * <li>a data upload that decodes but cannot become an observation (e.g. an empty MN names no
 *     station): {@code {"packet":{…},"observationError":{"error":…,"detail":…}}} — the packet is valid,
 *     ingest would still refuse it with that reason;</li>
 * <li>a rejection: {@code {"error":"<reason code>","detail":"…"}}.</li>
 * </ul>
 * Never throws; the returned line has no line terminator.
 */
public final class Hj212JsonLines {

    private Hj212JsonLines() {
    }

    /** One rendered line, and whether the packet itself was refused. */
    public record Line(String json, boolean refused) {
    }

    public static String render(String line, Hj212Decoder decoder) {
        return renderLine(line, decoder).json();
    }

    public static Line renderLine(String line, Hj212Decoder decoder) {
        Hj212Packet packet;
        try {
            packet = decoder.decode(line);
        } catch (InputRejectedException e) {
            return new Line(write(error(e.reason(), e.detail())), true);
        }
        if (!packet.isDataUpload() || packet.isSplit()) {
            return new Line(write(packet(packet)), false);
        }
        try {
            return new Line(write(observation(packet)), false);
        } catch (InputRejectedException e) {
            ObjectNode node = packet(packet);
            node.set("observationError", error(e.reason(), e.detail()));
            return new Line(write(node), false);
        }
    }

    private static ObjectNode observation(Hj212Packet packet) throws InputRejectedException {
        Hj212Observation o = packet.toObservation();
        ObjectNode node;
        try {
            node = (ObjectNode) Json.mapper().readTree(ObservationCodec.encode(o.observation()));
        } catch (IOException e) {
            throw new IllegalStateException("re-reading our own observation JSON failed", e);
        }
        node.put("cn", packet.cn());
        node.put("version", packet.version().year());
        if (packet.qn() != null) {
            node.put("qn", packet.qn());
        }
        ArrayNode unmapped = node.putArray("unmapped");
        for (Hj212UnmappedFactor u : o.unmapped()) {
            unmapped.addObject().put("factor", u.factor()).put("reason", u.reason());
        }
        tolerated(node, packet);
        return node;
    }

    private static ObjectNode packet(Hj212Packet packet) {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode p = root.putObject("packet");
        p.put("qn", packet.qn());
        p.put("st", packet.st());
        p.put("cn", packet.cn());
        p.put("command", packet.command().map(Hj212Command::meaning).orElse(null));
        p.put("version", packet.version().year());
        if (packet.flag() == null) {
            p.putNull("flag");
        } else {
            p.put("flag", packet.flag().value());
            p.put("ackRequested", packet.flag().ackRequested());
        }
        if (packet.isSplit()) {
            p.put("pnum", packet.pnum());
            p.put("pno", packet.pno());
        }
        p.put("mn", packet.mn());
        if (packet.dataTime() == null) {
            p.putNull("dataTime");
        } else {
            p.put("dataTime", packet.dataTime().toEpochMilli());
        }
        if (!packet.otherHeaderFields().isEmpty()) {
            ObjectNode h = p.putObject("header");
            for (Map.Entry<String, String> e : packet.otherHeaderFields().entrySet()) {
                h.put(e.getKey(), e.getValue());
            }
        }
        ObjectNode cp = p.putObject("cp");
        for (Hj212CpField f : packet.cp()) {
            JsonNode before = cp.get(f.key());
            if (before == null) {
                cp.put(f.key(), f.value());
            } else if (before.isArray()) {
                ((ArrayNode) before).add(f.value());
            } else {
                // a key sent more than once (e.g. PolId per group) becomes an array, nothing is lost
                cp.putArray(f.key()).add(before.asText()).add(f.value());
            }
        }
        tolerated(p, packet);
        return root;
    }

    private static void tolerated(ObjectNode node, Hj212Packet packet) {
        if (!packet.tolerated().isEmpty()) {
            ArrayNode t = node.putArray("tolerated");
            packet.tolerated().stream().map(RejectReason::code).sorted().forEach(t::add);
        }
    }

    private static ObjectNode error(RejectReason reason, String detail) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("error", reason.code());
        node.put("detail", detail);
        return node;
    }

    private static String write(ObjectNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a JSON tree failed", e);
        }
    }
}
