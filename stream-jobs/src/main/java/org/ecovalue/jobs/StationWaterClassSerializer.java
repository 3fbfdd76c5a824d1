package org.ecovalue.jobs;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.ecovalue.jobs.water.StationWaterClass;
import org.ecovalue.jobs.water.StationWaterClassCodec;

/**
 * Key = station id, value = {@link StationWaterClassCodec} JSON, record timestamp = time of writing (an
 * event time more than 1 h ahead is refused by Kafka 4 brokers and would fail the transaction; see
 * {@link ObservationSerializer}).
 */
final class StationWaterClassSerializer implements KafkaRecordSerializationSchema<StationWaterClass> {

    private static final long serialVersionUID = 1L;

    private final String topic;

    StationWaterClassSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(StationWaterClass c, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic, null, null,
                c.station().getBytes(StandardCharsets.UTF_8), StationWaterClassCodec.encode(c));
    }
}
