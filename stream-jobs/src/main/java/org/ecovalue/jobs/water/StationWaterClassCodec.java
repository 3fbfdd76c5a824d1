package org.ecovalue.jobs.water;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ecovalue.schemas.json.Json;

/**
 * JSON of {@code eco.station-class}: {@code {station, ts (epoch ms), class, limiting [codes], standard}}.
 * Lives here until the contract moves to {@code schemas}.
 */
public final class StationWaterClassCodec {

    private StationWaterClassCodec() {
    }

    public static byte[] encode(StationWaterClass c) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("station", c.station());
        n.put("ts", c.ts().toEpochMilli());
        n.put("class", c.waterClass());
        ArrayNode limiting = n.putArray("limiting");
        c.limiting().forEach(limiting::add);
        n.put("standard", c.standard());
        try {
            return Json.mapper().writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a record written by {@link #encode}; a malformed one is a bug upstream, hence unchecked. */
    public static StationWaterClass decode(byte[] json) {
        try {
            JsonNode n = Json.mapper().readTree(json);
            List<String> limiting = new ArrayList<>();
            n.path("limiting").forEach(p -> limiting.add(p.asText()));
            return new StationWaterClass(n.path("station").asText(), Instant.ofEpochMilli(n.path("ts").asLong()),
                    n.path("class").asText(), limiting, n.path("standard").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("not a station-class record", e);
        }
    }
}
