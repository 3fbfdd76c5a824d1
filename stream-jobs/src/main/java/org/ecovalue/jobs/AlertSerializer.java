package org.ecovalue.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.ecovalue.schemas.alert.Alert;
import org.ecovalue.schemas.json.Json;

/** {@code eco.alerts}: key = section or station id, value = the alert's JSON, Kafka timestamp = time of writing. */
final class AlertSerializer implements KafkaRecordSerializationSchema<Alert> {

    private static final long serialVersionUID = 1L;

    private final String topic;

    AlertSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(Alert a, KafkaSinkContext context, Long timestamp) {
        try {
            return new ProducerRecord<>(topic, null, null, a.key().getBytes(StandardCharsets.UTF_8),
                    Json.mapper().writeValueAsBytes(a));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode alert " + a, e);
        }
    }
}
