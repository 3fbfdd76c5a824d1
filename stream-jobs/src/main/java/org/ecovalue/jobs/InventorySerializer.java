package org.ecovalue.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.json.Json;

/** {@code eco.inventory}: key = {@code {unitId}/{product}} (compacted), value = the record's JSON, Kafka timestamp = time of writing
 * (see {@link ObservationSerializer} for why not event time). */
final class InventorySerializer implements KafkaRecordSerializationSchema<InventoryRecord> {

    private static final long serialVersionUID = 1L;

    private final String topic;

    InventorySerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(InventoryRecord r, KafkaSinkContext context, Long timestamp) {
        try {
            return new ProducerRecord<>(topic, null, null, r.key().getBytes(StandardCharsets.UTF_8),
                    Json.mapper().writeValueAsBytes(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode inventory record " + r.key() + " " + r.period(), e);
        }
    }
}
