package org.ecovalue.local;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The Kafka topics of DESIGN.md ("Kafka topics") plus {@code eco.station-class} of the walking
 * skeleton, with partitions and cleanup policy, for one broker (replication factor 1).
 */
public record EcoTopic(String name, int partitions, String cleanupPolicy) {

    public static final List<EcoTopic> ALL = List.of(
            new EcoTopic("eco.observations", 3, TopicConfig.CLEANUP_POLICY_DELETE),
            new EcoTopic("eco.ingest.dlq", 1, TopicConfig.CLEANUP_POLICY_DELETE),
            new EcoTopic("eco.observations.clean", 3, TopicConfig.CLEANUP_POLICY_DELETE),
            new EcoTopic("eco.inventory", 1, TopicConfig.CLEANUP_POLICY_COMPACT),
            new EcoTopic("eco.compensation", 1, TopicConfig.CLEANUP_POLICY_DELETE),
            new EcoTopic("eco.alerts", 1, TopicConfig.CLEANUP_POLICY_DELETE),
            new EcoTopic("eco.registry", 1, TopicConfig.CLEANUP_POLICY_COMPACT),
            // latest class per station: a changelog keyed by station, hence compacted
            new EcoTopic("eco.station-class", 1, TopicConfig.CLEANUP_POLICY_COMPACT));

    public NewTopic toNewTopic() {
        return new NewTopic(name, partitions, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy));
    }
}
