package org.ecovalue.jobs;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ecovalue.schemas.json.ObservationCodec;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes {@code eco.observations} records. Ingest only writes valid observations, so a record that
 * does not decode is a bug or a foreign producer: it is counted and logged (no stack trace) and
 * skipped, never allowed to stop the pipeline.
 */
public final class ObservationDeserializer implements KafkaRecordDeserializationSchema<Observation> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ObservationDeserializer.class);

    private transient Counter undecodable;

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        undecodable = context.getMetricGroup().counter("undecodableObservations");
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Observation> out) {
        try {
            out.collect(ObservationCodec.decode(record.value()));
        } catch (InputRejectedException e) {
            if (undecodable != null) {
                undecodable.inc();
            }
            LOG.warn("event=observation-skipped topic={} partition={} offset={} key={} reason={} detail=\"{}\"",
                    record.topic(), record.partition(), record.offset(),
                    record.key() == null ? null : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8),
                    e.reason().code(), e.detail());
        }
    }

    @Override
    public TypeInformation<Observation> getProducedType() {
        return TypeInformation.of(Observation.class);
    }
}
