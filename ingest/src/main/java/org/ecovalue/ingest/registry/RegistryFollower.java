package org.ecovalue.ingest.registry;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.ecovalue.ingest.StationDirectory;
import org.ecovalue.ingest.operations.IngestMetrics;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.RegistryItem;
import org.ecovalue.schemas.registry.RegistryItemCodec;
import org.ecovalue.schemas.registry.RegistryKey;
import org.ecovalue.schemas.registry.RegistryKind;
import org.ecovalue.schemas.reject.InputRejectedException;
import org.ecovalue.schemas.reject.RejectReason;
import org.ecovalue.schemas.topics.EcoTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps ingest's view of the registry current from the compacted {@code eco.registry} topic (what
 * {@code ecovalue registry publish} writes): one background thread reads every partition from the
 * beginning (assigned, no consumer group, nothing committed) and applies each record, key
 * {@code {kind}/{id}}, value {@link RegistryItemCodec} bytes, a null value removing the item.
 * {@link #isCaughtUp()} turns true once the end offsets found at start have been read: before that
 * the registry is incomplete, and readiness says so. A record that cannot be read is logged and
 * counted ({@code bad-registry-item}) and skipped; it never stops the follower.
 */
public final class RegistryFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final String TOPIC = EcoTopic.REGISTRY.topic();

    private final KafkaConsumer<String, byte[]> consumer;
    private final IngestMetrics metrics;
    private final AtomicReference<Registry> registry = new AtomicReference<>(Registry.empty());
    private final Map<String, RegistryItem> items = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean caughtUp;

    public RegistryFollower(String bootstrapServers, String clientId, IngestMetrics metrics) {
        Properties p = new Properties();
        p.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-registry",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        this.consumer = new KafkaConsumer<>(p);
        this.metrics = metrics;
        this.thread = new Thread(this::run, "ingest-registry-follower");
        this.thread.setDaemon(true);
    }

    public RegistryFollower start() {
        thread.start();
        return this;
    }

    /** The registry as read so far. */
    public Registry registry() {
        return registry.get();
    }

    /** True once everything on the topic when the follower started has been applied. */
    public boolean isCaughtUp() {
        return caughtUp;
    }

    /** Stations of the registry as it is at each lookup. */
    public StationDirectory stations(StationDirectory.UnknownStationPolicy policy) {
        return StationDirectory.of(registry::get, policy);
    }

    /** Waits until {@link #isCaughtUp()}; a {@link TimeoutException} after {@code atMost}. */
    public void awaitCaughtUp(Duration atMost) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!caughtUp) {
            if (!running || !thread.isAlive() && thread.getState() != Thread.State.NEW) {
                throw new TimeoutException("registry follower stopped before reading " + TOPIC + " to its end");
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(TOPIC + " not read to its end within " + atMost);
            }
            Thread.sleep(50);
        }
    }

    /** The registry on the topic now (for one-shot commands such as {@code ecovalue dlq replay}). */
    public static Registry readToEnd(String bootstrapServers, String clientId, IngestMetrics metrics, Duration atMost)
            throws InterruptedException, TimeoutException {
        try (RegistryFollower f = new RegistryFollower(bootstrapServers, clientId, metrics).start()) {
            f.awaitCaughtUp(atMost);
            return f.registry();
        }
    }

    private void run() {
        try {
            List<TopicPartition> partitions = partitions();
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            LOG.info("event=registry-follow-start topic={} endOffsets={}", TOPIC, end);
            while (running) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(POLL);
                boolean changed = false;
                for (ConsumerRecord<String, byte[]> r : batch) {
                    changed |= apply(r);
                }
                if (changed) {
                    registry.set(Registry.of(items.values()));
                }
                if (!caughtUp && partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                    caughtUp = true;
                    LOG.info("event=registry-caught-up topic={} items={} stations={}", TOPIC, items.size(),
                            registry.get().stations().size());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (KafkaException e) {
            LOG.error("event=registry-follow-failed topic={} error=\"{}\"", TOPIC, e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** The topic's partitions, waiting for the topic to exist and the broker to answer. */
    private List<TopicPartition> partitions() {
        boolean logged = false;
        while (running) {
            try {
                List<TopicPartition> found = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                        .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
                if (!found.isEmpty()) {
                    return found;
                }
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                // broker not reachable yet: keep trying, readiness stays down
            }
            if (!logged) {
                LOG.warn("event=registry-topic-unavailable topic={} (waiting; readiness stays down)", TOPIC);
                logged = true;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        return List.of();
    }

    /** @return whether the registry changed */
    private boolean apply(ConsumerRecord<String, byte[]> r) {
        RegistryKey key;
        try {
            key = RegistryKey.parse(r.key());
        } catch (IllegalArgumentException e) {
            return reject(r, e.getMessage());
        }
        if (r.value() == null) {
            boolean removed = items.remove(key.toString()) != null;
            if (removed && key.kind() == RegistryKind.STATION) {
                LOG.info("event=registry-station-removed station={} offset={}", key.id(), r.offset());
            }
            return removed;
        }
        RegistryItem item;
        try {
            item = RegistryItemCodec.decode(r.value());
        } catch (InputRejectedException e) {
            return reject(r, e.detail());
        }
        if (!item.key().equals(key.toString())) {
            return reject(r, "value is " + item.key() + ", key says " + key);
        }
        RegistryItem before = items.put(item.key(), item);
        if (before == null && key.kind() == RegistryKind.STATION) {
            LOG.info("event=registry-station-added station={} offset={}", key.id(), r.offset());
        }
        return true;
    }

    private boolean reject(ConsumerRecord<String, byte[]> r, String detail) {
        String reason = RejectReason.BAD_REGISTRY_ITEM.code();
        metrics.registryRejected(reason);
        LOG.warn("event=registry-item-rejected reason={} key=\"{}\" partition={} offset={} detail=\"{}\"", reason,
                r.key(), r.partition(), r.offset(), detail);
        return false;
    }

    @Override
    public void close() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            consumer.close(Duration.ZERO);
            return;
        }
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
