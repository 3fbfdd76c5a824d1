package org.ecovalue.jobs;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ecovalue.schemas.observation.Observation;

/**
 * The production decoder, except that the {@code failAt}-th record it sees (counted across restarts,
 * in this JVM) fails the task once: the job must restore from its last checkpoint and carry on.
 */
final class FailingOnceDecoder implements KafkaRecordDeserializationSchema<Observation> {

    private static final long serialVersionUID = 1L;
    static final AtomicLong SEEN = new AtomicLong();
    static final AtomicBoolean FAILED = new AtomicBoolean();

    private final long failAt;
    private final KafkaRecordDeserializationSchema<Observation> decoder = PipelineKafka.observationDecoder();

    FailingOnceDecoder(long failAt) {
        this.failAt = failAt;
    }

    static void reset() {
        SEEN.set(0);
        FAILED.set(false);
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) throws Exception {
        decoder.open(context);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Observation> out) throws java.io.IOException {
        if (SEEN.incrementAndGet() >= failAt && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("injected task failure at record " + failAt);
        }
        decoder.deserialize(record, out);
    }

    @Override
    public TypeInformation<Observation> getProducedType() {
        return decoder.getProducedType();
    }
}
