package org.ecovalue.schemas.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;

/**
 * The value of an {@code eco.registry} record: {@code {"kind": "station", "item": {…}}}, where the
 * item has the same fields as in the YAML file. The kind travels in the value as well as in the key
 * so that a value can be read on its own (a dump of the topic, a replay).
 */
public final class RegistryItemCodec {

    /** Floats are read as decimals so that prices and shares arrive exactly as written. */
    private static final ObjectReader TREE_READER =
            Json.mapper().reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private RegistryItemCodec() {
    }

    /** Serialized through the item's own class (not a tree) so that money keeps its scale of 2. */
    private record Envelope(String kind, RegistryItem item) {
    }

    public static byte[] encode(RegistryItem item) {
        try {
            return Json.mapper().writeValueAsBytes(new Envelope(item.registryKind().code(), item));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode registry item " + item.key(), e);
        }
    }

    /** Reads a value of {@code eco.registry}; anything unreadable is an {@code bad-registry-item}. */
    public static RegistryItem decode(byte[] value) throws InputRejectedException {
        JsonNode root;
        try {
            root = TREE_READER.readTree(value);
        } catch (IOException | RuntimeException e) {
            throw new InputRejectedException(RejectReason.BAD_REGISTRY_ITEM, "not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.path("kind").isTextual() || !root.path("item").isObject()) {
            throw new InputRejectedException(RejectReason.BAD_REGISTRY_ITEM, "expected {\"kind\": …, \"item\": {…}}");
        }
        RegistryKind kind;
        try {
            kind = RegistryKind.ofCode(root.get("kind").asText());
        } catch (IllegalArgumentException e) {
            throw new InputRejectedException(RejectReason.BAD_REGISTRY_ITEM, e.getMessage());
        }
        try {
            return Json.mapper().readerFor(kind.type()).readValue(root.get("item"));
        } catch (IOException | IllegalArgumentException e) {
            String[] fieldAndMessage = e instanceof JsonProcessingException j
                    ? RegistryLoader.explain(j) : new String[] {"-", e.getMessage()};
            throw new InputRejectedException(RejectReason.BAD_REGISTRY_ITEM,
                    kind.code() + ": " + fieldAndMessage[0] + ": " + fieldAndMessage[1]);
        }
    }
}
