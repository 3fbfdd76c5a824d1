package org.ecovalue.jobs;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.ecovalue.schemas.json.ObservationCodec;
import org.ecovalue.schemas.observation.Observation;

/**
 * {@code eco.observations.clean}: key = station id, value = the observation with its verdicts. The
 * Kafka timestamp is the time of writing, not the event time: Kafka 4 brokers reject a timestamp more
 * than {@code log.message.timestamp.after.max.ms} (1 h) ahead, and one station with a clock in the
 * future would otherwise fail the sink's transaction, and the job, again and again.
 */
final class ObservationSerializer implements KafkaRecordSerializationSchema<Observation> {

    private static final long serialVersionUID = 1L;

    private final String topic;

    ObservationSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(Observation obs, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic, null, null,
                obs.station().getBytes(StandardCharsets.UTF_8), ObservationCodec.encode(obs));
    }
}
