package org.ecovalue.dashboard;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ecovalue.dashboard.feed.TopicFeed;
import org.ecovalue.embedded.EmbeddedKafka;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.topics.EcoTopic;

/**
 * A real Kafka broker with the result topics, and a transactional producer that publishes to them as
 * the pipeline's exactly-once sink does (the dashboard reads read_committed).
 */
final class ResultTopics implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final KafkaProducer<String, byte[]> producer;

    ResultTopics(Path dir) throws Exception {
        kafka = new EmbeddedKafka(dir, 0).start();
        kafka.createTopics(TopicFeed.TOPICS);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-pipeline-" + UUID.randomUUID(),
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000),
                new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Publishes in one committed transaction. */
    void commit(EcoTopic topic, String key, Object value) throws Exception {
        producer.beginTransaction();
        producer.send(record(topic, key, value));
        producer.commitTransaction();
    }

    /** Publishes in a transaction that is then aborted: a read_committed reader never sees it. */
    void abort(EcoTopic topic, String key, Object value) throws Exception {
        producer.beginTransaction();
        producer.send(record(topic, key, value)).get();
        producer.abortTransaction();
    }

    private static ProducerRecord<String, byte[]> record(EcoTopic topic, String key, Object value) throws Exception {
        byte[] bytes = value instanceof byte[] b ? b
                : value instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                : Json.mapper().writeValueAsBytes(value);
        return new ProducerRecord<>(topic.topic(), key, bytes);
    }

    @Override
    public void close() throws Exception {
        producer.close();
        kafka.close();
    }
}
