package org.ecovalue.jobs;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.ecovalue.schemas.topics.EcoTopic;

/**
 * Waits until a running job has read {@code eco.registry} and checkpointed that (its registry source commits
 * its offsets on checkpoint), so that stations start sending only once the job knows them — as a deployment
 * publishes its registry before stations go live. Without it, observations that reach the job before its
 * registry wait in siting and are placed after event time has moved on: late revisions, not the figures
 * the tests work out (docs/pipeline.md "Event time").
 */
final class RegistryReadBarrier {

    private RegistryReadBarrier() {
    }

    static void await(String bootstrapServers, KafkaWiring wiring, int registryItems) {
        TopicPartition registry = new TopicPartition(EcoTopic.REGISTRY.topic(), 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(wiring.groupId() + "-registry").partitionsToOffsetAndMetadata().get();
                OffsetAndMetadata o = committed.get(registry);
                return o != null && o.offset() >= registryItems;
            });
        }
    }
}
