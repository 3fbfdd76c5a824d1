package org.ecovalue.jobs;

import org.ecovalue.schemas.topics.EcoTopic;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.ecovalue.jobs.water.StationWaterClass;
import org.ecovalue.schemas.observation.Observation;

/**
 * The real connectors of {@link StationWaterClassJob}: {@code eco.observations} in, {@code eco.station-class}
 * out, exactly once (checkpoints + transactional sink; readers of the output use read_committed).
 *
 * @param transactionTimeout must not exceed the broker's {@code transaction.max.timeout.ms} (15 min
 *                           by default) and must outlast a checkpoint interval
 */
public record KafkaWiring(String bootstrapServers, String groupId, String transactionalIdPrefix,
                          Duration transactionTimeout, Duration checkpointInterval) {

    public static final String OBSERVATIONS_TOPIC = EcoTopic.OBSERVATIONS.topic();
    public static final String STATION_CLASS_TOPIC = EcoTopic.STATION_CLASS.topic();

    public static final String BOOTSTRAP_SERVERS = "bootstrap-servers";
    public static final String GROUP_ID = "group-id";
    public static final String DEFAULT_GROUP_ID = StationWaterClassJob.NAME;
    public static final String TRANSACTIONAL_ID_PREFIX = "transactional-id-prefix";
    public static final String DEFAULT_TRANSACTIONAL_ID_PREFIX = StationWaterClassJob.NAME;
    public static final String TRANSACTION_TIMEOUT = "transaction-timeout";
    public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofMinutes(10);
    public static final String CHECKPOINT_INTERVAL = "checkpoint-interval";
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

    /** Kafka brokers refuse transactions longer than this by default ({@code transaction.max.timeout.ms}). */
    public static final Duration BROKER_MAX_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

    public KafkaWiring {
        Objects.requireNonNull(bootstrapServers, BOOTSTRAP_SERVERS);
        Objects.requireNonNull(groupId, GROUP_ID);
        Objects.requireNonNull(transactionalIdPrefix, TRANSACTIONAL_ID_PREFIX);
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException(CHECKPOINT_INTERVAL + " must be positive, got " + checkpointInterval);
        }
        if (transactionTimeout.compareTo(BROKER_MAX_TRANSACTION_TIMEOUT) > 0
                || transactionTimeout.compareTo(checkpointInterval) <= 0) {
            throw new IllegalArgumentException(TRANSACTION_TIMEOUT + " must be longer than " + CHECKPOINT_INTERVAL
                    + " (" + checkpointInterval + ") and at most " + BROKER_MAX_TRANSACTION_TIMEOUT
                    + ", got " + transactionTimeout);
        }
    }

    public static KafkaWiring defaults(String bootstrapServers) {
        return new KafkaWiring(bootstrapServers, DEFAULT_GROUP_ID, DEFAULT_TRANSACTIONAL_ID_PREFIX,
                DEFAULT_TRANSACTION_TIMEOUT, DEFAULT_CHECKPOINT_INTERVAL);
    }

    public KafkaWiring withCheckpointInterval(Duration interval) {
        return new KafkaWiring(bootstrapServers, groupId, transactionalIdPrefix, transactionTimeout, interval);
    }

    /** Checkpointing drives both the source offsets and the sink's transactions. */
    public void configure(StreamExecutionEnvironment env) {
        env.enableCheckpointing(checkpointInterval.toMillis(), CheckpointingMode.EXACTLY_ONCE);
    }

    public StationWaterClassJob job(JobOptions options) {
        return new StationWaterClassJob(source(), sink(), options);
    }

    public KafkaSource<Observation> source() {
        return KafkaSource.<Observation>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(OBSERVATIONS_TOPIC)
                .setGroupId(groupId)
                .setClientIdPrefix(groupId)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new ObservationDeserializer())
                .setProperty("isolation.level", "read_committed")
                .build();
    }

    public KafkaSink<StationWaterClass> sink() {
        return KafkaSink.<StationWaterClass>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(new StationWaterClassSerializer(STATION_CLASS_TOPIC))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .setProperty("transaction.timeout.ms", Long.toString(transactionTimeout.toMillis()))
                .build();
    }
}
