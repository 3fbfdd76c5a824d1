package org.ecovalue.jobs.registry;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code eco.registry} records as they are: the value is decoded (and checked) by {@link StationSiting}. */
public final class RegistryUpdateDeserializer implements KafkaRecordDeserializationSchema<RegistryUpdate> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RegistryUpdateDeserializer.class);

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RegistryUpdate> out) {
        if (record.key() == null) {
            LOG.warn("event=registry-record-skipped partition={} offset={} reason=no-key", record.partition(), record.offset());
            return;
        }
        out.collect(new RegistryUpdate(new String(record.key(), StandardCharsets.UTF_8), record.value()));
    }

    @Override
    public TypeInformation<RegistryUpdate> getProducedType() {
        return TypeInformation.of(RegistryUpdate.class);
    }
}
