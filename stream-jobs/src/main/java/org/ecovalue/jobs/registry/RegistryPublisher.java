package org.ecovalue.jobs.registry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.RegistryItem;
import org.ecovalue.schemas.registry.RegistryItemCodec;
import org.ecovalue.schemas.topics.EcoTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a registry to the compacted {@code eco.registry} topic: one record per item, key
 * {@code {kind}/{id}}, value {@link RegistryItemCodec}, in {@link Registry#items()} order (units
 * before stations before sections). Idempotent producer, acks=all: returns once every item is durable.
 */
public final class RegistryPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryPublisher.class);

    private RegistryPublisher() {
    }

    /** @return the number of items published */
    public static int publish(Registry registry, String bootstrapServers) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "ecovalue-registry-publish");
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (RegistryItem item : registry.items()) {
                sent.add(producer.send(new ProducerRecord<>(EcoTopic.REGISTRY.topic(),
                        item.key().getBytes(StandardCharsets.UTF_8), RegistryItemCodec.encode(item))));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
            LOG.info("event=registry-published topic={} items={} registry=\"{}\"", EcoTopic.REGISTRY.topic(),
                    sent.size(), registry);
            return sent.size();
        }
    }
}
