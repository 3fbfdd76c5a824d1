package org.ecovalue.jobs;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.ecovalue.jobs.history.HistoryPoints;
import org.ecovalue.jobs.history.InfluxDbSink;
import org.ecovalue.jobs.compensation.LedgerEntrySerializer;
import org.ecovalue.jobs.registry.RegistryUpdate;
import org.ecovalue.jobs.registry.RegistryUpdateDeserializer;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.topics.EcoTopic;

/**
 * The real connectors of {@link PipelineJob}: {@code eco.observations} and {@code eco.registry} in,
 * {@code eco.observations.clean}, {@code eco.inventory} and {@code eco.alerts} out, exactly once (checkpoints +
 * transactional sinks, inputs read read_committed). Checkpointing and transaction timeouts come
 * from {@link KafkaWiring}.
 */
public record PipelineKafka(KafkaWiring wiring) {

    public PipelineJob job(PipelineOptions options) {
        return job(options, new ObservationDeserializer());
    }

    /** With another decoder of {@code eco.observations} (tests inject a failure there). */
    public PipelineJob job(PipelineOptions options, KafkaRecordDeserializationSchema<Observation> decoder) {
        return new PipelineJob(observations(decoder), registry(),
                new PipelineSinks(sink(new ObservationSerializer(EcoTopic.OBSERVATIONS_CLEAN.topic()), "clean"),
                        sink(new InventorySerializer(EcoTopic.INVENTORY.topic()), "inventory"),
                        sink(new AlertSerializer(EcoTopic.ALERTS.topic()), "alerts"))
                        .withCompensation(sink(new LedgerEntrySerializer(EcoTopic.COMPENSATION.topic()), "compensation")),
                options);
    }

    /** Kafka as {@link #job(PipelineOptions)}, plus the history in InfluxDB 1.x at {@code influxUrl}. */
    public PipelineJob job(PipelineOptions options, String influxUrl, String influxDatabase) {
        PipelineJob plain = job(options);
        return plain.withSinks(plain.sinks().withHistory(
                new InfluxDbSink<>(influxUrl, influxDatabase, INFLUX_BATCH_SIZE, HistoryPoints.readings()),
                new InfluxDbSink<>(influxUrl, influxDatabase, INFLUX_BATCH_SIZE, HistoryPoints.inventory(options.zone())))
                .withCompensationHistory(new InfluxDbSink<>(influxUrl, influxDatabase, INFLUX_BATCH_SIZE,
                        HistoryPoints.compensation(options.zone()))));
    }

    /** Points per InfluxDB write; InfluxDB recommends 5 000–10 000 per batch. */
    public static final int INFLUX_BATCH_SIZE = 5_000;

    public static KafkaRecordDeserializationSchema<Observation> observationDecoder() {
        return new ObservationDeserializer();
    }

    KafkaSource<Observation> observations(KafkaRecordDeserializationSchema<Observation> decoder) {
        return KafkaSource.<Observation>builder()
                .setBootstrapServers(wiring.bootstrapServers())
                .setTopics(EcoTopic.OBSERVATIONS.topic())
                .setGroupId(wiring.groupId())
                .setClientIdPrefix(wiring.groupId() + "-observations")
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(decoder)
                .setProperty("isolation.level", "read_committed")
                .build();
    }

    /** The whole compacted registry from its start: a fresh job must know every station. */
    KafkaSource<RegistryUpdate> registry() {
        return KafkaSource.<RegistryUpdate>builder()
                .setBootstrapServers(wiring.bootstrapServers())
                .setTopics(EcoTopic.REGISTRY.topic())
                .setGroupId(registryGroupId())
                .setClientIdPrefix(wiring.groupId() + "-registry")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new RegistryUpdateDeserializer())
                .setProperty("isolation.level", "read_committed")
                .build();
    }

    private String registryGroupId() {
        return wiring.groupId() + "-registry";
    }

    /** One transactional id prefix per sink: two sinks must never share transactional ids. */
    <T> KafkaSink<T> sink(KafkaRecordSerializationSchema<T> serializer, String name) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(wiring.bootstrapServers())
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(wiring.transactionalIdPrefix() + "-" + name)
                .setProperty("transaction.timeout.ms", Long.toString(wiring.transactionTimeout().toMillis()))
                .build();
    }
}
