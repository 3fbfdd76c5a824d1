package org.ecovalue.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.ecovalue.schemas.json.Json;

/**
 * The JSON a station publishes (DESIGN.md "JSON payload"): ts as ISO-8601 with the station's
 * offset, a sequence number, and one reading per parameter with its unit.
 */
public final class StationPayload {

    /** Stations of the demo basin report local time of China (UTC+8). */
    public static final ZoneId STATION_ZONE = ZoneId.of("Asia/Shanghai");

    private StationPayload() {
    }

    public static byte[] json(StationProfile station, StationModel.Sample sample, Instant ts) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("station", station.id());
        root.put("ts", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ts.atZone(STATION_ZONE).toOffsetDateTime()));
        root.put("seq", sample.seq());
        ArrayNode readings = root.putArray("readings");
        for (int i = 0; i < station.parameters().size(); i++) {
            ParameterProfile p = station.parameters().get(i);
            ObjectNode r = readings.addObject();
            r.put("param", p.param());
            r.put("value", sample.values().get(i));
            r.put("unit", p.unit());
        }
        try {
            return Json.mapper().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode observation of " + station.id(), e);
        }
    }
}
