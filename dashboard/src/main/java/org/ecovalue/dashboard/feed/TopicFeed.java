package org.ecovalue.dashboard.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.ecovalue.dashboard.DashboardMetrics;
import org.ecovalue.dashboard.live.LiveView;
import org.ecovalue.schemas.topics.EcoTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the result topics from their beginning (read_committed: only what the pipeline's
 * transactions committed) into the {@link LiveView}. No consumer group: every dashboard instance
 * rebuilds the whole view, so instances scale out behind a load balancer without coordination.
 * A topic that does not exist yet is looked for again every few seconds. A record that cannot be
 * read is logged, counted and skipped: it never stops the feed.
 */
public final class TopicFeed implements AutoCloseable {

    /** The topics the dashboard shows; eco.station-class gives the real-time class of a section's station. */
    public static final List<EcoTopic> TOPICS = List.of(EcoTopic.COMPENSATION, EcoTopic.INVENTORY, EcoTopic.ALERTS,
            EcoTopic.STATION_CLASS);

    private static final Logger LOG = LoggerFactory.getLogger(TopicFeed.class);
    private static final Duration LOOK_FOR_TOPICS_EVERY = Duration.ofSeconds(3);

    private final KafkaConsumer<String, byte[]> consumer;
    private final RecordDecoder decoder;
    private final DashboardMetrics metrics;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final Set<String> assignedTopics = new TreeSet<>();
    private volatile boolean caughtUp;
    private volatile Throwable failure;

    public TopicFeed(String bootstrapServers, LiveView view, DashboardMetrics metrics) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "ecovalue-dashboard",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.decoder = new RecordDecoder(view);
        this.metrics = metrics;
        this.thread = new Thread(this::run, "dashboard-topic-feed");
        this.thread.setDaemon(true);
    }

    public TopicFeed start() {
        thread.start();
        return this;
    }

    /** Whether every topic exists and was read to its end once (the view is complete, then live). */
    public boolean caughtUp() {
        return caughtUp;
    }

    public Throwable failure() {
        return failure;
    }

    private void run() {
        long nextLook = 0;
        try {
            while (running.get()) {
                if (assignedTopics.size() < TOPICS.size() && System.currentTimeMillis() >= nextLook) {
                    assignNewTopics();
                    nextLook = System.currentTimeMillis() + LOOK_FOR_TOPICS_EVERY.toMillis();
                }
                if (assignedTopics.isEmpty()) {
                    Thread.sleep(200); // nothing to poll yet; topics are looked for again shortly
                    continue;
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    decoder.apply(r.topic(), r.value()).ifPresentOrElse(
                            problem -> rejected(r, problem),
                            () -> metrics.increment("ecovalue_dashboard_records_total", "topic=\"" + r.topic() + "\""));
                }
                if (!caughtUp && assignedTopics.size() == TOPICS.size() && atEnd()) {
                    caughtUp = true;
                    LOG.info("event=caught-up topics={}", assignedTopics);
                }
            }
        } catch (WakeupException | InterruptedException stopping) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("event=feed-failed error=\"{}\"", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void rejected(ConsumerRecord<String, byte[]> r, String problem) {
        metrics.increment("ecovalue_dashboard_records_rejected_total", "topic=\"" + r.topic() + "\"");
        LOG.warn("event=record-rejected topic={} partition={} offset={} key={} reason=\"{}\"",
                r.topic(), r.partition(), r.offset(), r.key(), problem);
    }

    private void assignNewTopics() {
        Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(5));
        List<TopicPartition> added = new ArrayList<>();
        for (EcoTopic t : TOPICS) {
            if (!assignedTopics.contains(t.topic()) && existing.containsKey(t.topic())) {
                existing.get(t.topic()).forEach(p -> added.add(new TopicPartition(p.topic(), p.partition())));
                assignedTopics.add(t.topic());
            }
        }
        if (added.isEmpty()) {
            return;
        }
        List<TopicPartition> all = new ArrayList<>(consumer.assignment());
        all.addAll(added);
        consumer.assign(all);
        consumer.seekToBeginning(added);
        LOG.info("event=topics-assigned topics={} missing={}", assignedTopics,
                TOPICS.stream().map(EcoTopic::topic).filter(t -> !assignedTopics.contains(t)).toList());
    }

    private boolean atEnd() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        thread.join(5000);
    }
}
