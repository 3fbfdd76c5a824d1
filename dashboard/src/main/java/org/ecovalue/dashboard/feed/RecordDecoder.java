package org.ecovalue.dashboard.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;
import org.ecovalue.dashboard.live.LiveView;
import org.ecovalue.schemas.alert.Alert;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.ledger.LedgerEntry;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.ecovalue.schemas.topics.EcoTopic;

/**
 * Turns one record of a result topic into a change of the {@link LiveView}. Returns the reason when
 * the record cannot be read (not JSON, a field the record type refuses); the caller logs and counts it.
 */
final class RecordDecoder {

    private final LiveView view;

    RecordDecoder(LiveView view) {
        this.view = view;
    }

    Optional<String> apply(String topic, byte[] value) {
        if (value == null) {
            return Optional.empty(); // a tombstone on a compacted topic: nothing to show
        }
        try {
            if (topic.equals(EcoTopic.COMPENSATION.topic())) {
                view.applyLedger(Json.mapper().readValue(value, LedgerEntry.class));
            } else if (topic.equals(EcoTopic.INVENTORY.topic())) {
                view.applyInventory(Json.mapper().readValue(value, InventoryRecord.class));
            } else if (topic.equals(EcoTopic.ALERTS.topic())) {
                view.applyAlert(Json.mapper().readValue(value, Alert.class));
            } else if (topic.equals(EcoTopic.STATION_CLASS.topic())) {
                JsonNode n = Json.mapper().readTree(value);
                if (!n.path("station").isTextual() || !n.path("ts").canConvertToLong() || !n.path("class").isTextual()) {
                    return Optional.of("a station class needs station, ts and class");
                }
                view.applyStationClass(n.get("station").asText(), n.get("ts").asLong(),
                        WaterClass.ofLabel(n.get("class").asText()));
            } else {
                return Optional.of("not a topic the dashboard reads");
            }
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int newline = message.indexOf('\n');
            return Optional.of(newline > 0 ? message.substring(0, newline) : message);
        }
    }
}
