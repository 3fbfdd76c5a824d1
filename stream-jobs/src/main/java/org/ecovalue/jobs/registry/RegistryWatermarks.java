package org.ecovalue.jobs.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registry changes are not measurements and have no event time. Once the job knows the registry,
 * their input must neither hold back the watermark of the observations it is connected to nor push
 * it: it declares itself idle, so a two-input operator follows the observations alone.
 *
 * <p>Until then it holds event time back ({@link #heldUntilRead}): at start the registry source may
 * be slower than the observation source, and observations of stations the job does not know yet
 * would otherwise see event time run past their wait (found by {@code CompensationExactlyOnceTest}
 * on a CI machine: the first three hours of a month were given up).
 *
 * <p>Never the end-of-time watermark: when every observation split goes idle (stations asleep at
 * night), an idle input is left out of the minimum and the registry's end of time would flow
 * downstream and turn every open period FINAL at once (found by {@code PipelineExactlyOnceTest}).
 */
public final class RegistryWatermarks {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryWatermarks.class);

    /** After the last registry record read, how long without another before the topic counts as read. */
    static final Duration SETTLE = Duration.ofSeconds(5);
    /**
     * How long without any record at all before the topic counts as read: a job restored from a checkpoint
     * resumes at the offset it had reached and may have nothing new to read (its registry is in its state).
     */
    static final Duration NO_RECORD = Duration.ofSeconds(10);

    private RegistryWatermarks() {
    }

    /** Idle from the start: for registry sources that are not a Kafka topic (tests feed the registry first). */
    public static WatermarkStrategy<RegistryUpdate> alwaysIdle() {
        return WatermarkStrategy.<RegistryUpdate>forGenerator(ctx -> new WatermarkGenerator<>() {
            @Override
            public void onEvent(RegistryUpdate event, long eventTimestamp, WatermarkOutput output) {
                output.markIdle();
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
                output.markIdle();
            }
        });
    }

    /**
     * For the compacted {@code topic} read by a source of parallelism 1 from its start: holds event time
     * back (emits no watermark and stays active) until the records that were in the topic when the
     * source started have been read, then is idle for good. "Read" is: a record at the topic's end
     * offset (read_committed) arrived; or nothing was there to read (every partition empty, or the
     * consumer group {@code groupId} had committed up to the end); or no record came for {@link #SETTLE}
     * after the last one (transaction markers, skipped records); or no record came at all for
     * {@link #NO_RECORD} (a job restored from a checkpoint resumes where it was and has its registry in
     * state). After {@code timeout} without any of these (records trickling in but never reaching the end)
     * it gives up holding and says so in the log, so a broken registry topic cannot stall the pipeline.
     * Observations still never give up waiting while no registry item has been read ({@link RegistryWait}).
     */
    public static WatermarkStrategy<RegistryUpdate> heldUntilRead(String bootstrapServers, String topic,
                                                                  String groupId, Duration timeout) {
        return WatermarkStrategy.forGenerator(ctx -> new HeldUntilRead(
                TopicEnd.of(bootstrapServers, topic, groupId), timeout, System::nanoTime));
    }

    /** Where the registry topic ended when the source started, and whether anything is left to read. */
    record TopicEnd(Map<Integer, Long> endOffsets, boolean nothingToRead) {

        static final TopicEnd UNKNOWN = new TopicEnd(Map.of(), false);

        static TopicEnd of(String bootstrapServers, String topic, String groupId) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, groupId + "-registry-end"))) {
                var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                        .get(topic).partitions().stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                Map<Integer, Long> ends = offsets(admin, partitions, OffsetSpec.latest());
                Map<Integer, Long> starts = offsets(admin, partitions, OffsetSpec.earliest());
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                boolean nothing = partitions.stream().allMatch(tp -> {
                    long end = ends.getOrDefault(tp.partition(), 0L);
                    OffsetAndMetadata c = committed.get(tp);
                    return end <= starts.getOrDefault(tp.partition(), 0L) || (c != null && c.offset() >= end);
                });
                LOG.info("event=registry-topic-end topic={} endOffsets={} committed={} nothingToRead={}", topic, ends,
                        committed.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().partition(),
                                e -> e.getValue() == null ? -1 : e.getValue().offset())), nothing);
                return new TopicEnd(ends, nothing);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                LOG.warn("event=registry-topic-end-unknown topic={} reason=\"{}\"", topic, e.toString());
                return UNKNOWN;
            }
        }

        private static Map<Integer, Long> offsets(Admin admin, List<TopicPartition> partitions,
                                                  OffsetSpec spec) throws Exception {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            partitions.forEach(tp -> request.put(tp, spec));
            Map<Integer, Long> out = new HashMap<>();
            admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(30, TimeUnit.SECONDS).forEach((tp, info) -> out.put(tp.partition(), info.offset()));
            return out;
        }
    }

    /** See {@link #heldUntilRead}; the clock is a parameter for the unit test. */
    static final class HeldUntilRead implements WatermarkGenerator<RegistryUpdate> {

        private final TopicEnd end;
        private final long timeoutNanos;
        private final LongSupplier nanoClock;
        private final long startedNanos;
        private long lastEventNanos;
        private boolean seenEvent;
        private boolean read;

        HeldUntilRead(TopicEnd end, Duration timeout, LongSupplier nanoClock) {
            this.end = end;
            this.timeoutNanos = timeout.toNanos();
            this.nanoClock = nanoClock;
            this.startedNanos = nanoClock.getAsLong();
        }

        @Override
        public void onEvent(RegistryUpdate update, long eventTimestamp, WatermarkOutput output) {
            if (!read) {
                seenEvent = true;
                lastEventNanos = nanoClock.getAsLong();
                if (update.partition() != RegistryUpdate.NOWHERE
                        && update.offset() + 1 >= end.endOffsets().getOrDefault(update.partition(), 0L)) {
                    release("read-to-end");
                }
            }
            if (read) {
                output.markIdle();
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            if (!read) {
                long now = nanoClock.getAsLong();
                if (end.nothingToRead()) {
                    release("nothing-to-read");
                } else if (seenEvent && now - lastEventNanos >= SETTLE.toNanos()) {
                    release("settled");
                } else if (!seenEvent && now - startedNanos >= NO_RECORD.toNanos()) {
                    release("no-record");
                } else if (now - startedNanos >= timeoutNanos) {
                    LOG.warn("event=registry-catch-up-timeout timeoutMs={} seenRecords={} "
                            + "detail=\"event time no longer waits for the registry topic\"",
                            timeoutNanos / 1_000_000, seenEvent);
                    release("timeout");
                }
            }
            if (read) {
                output.markIdle();
            }
        }

        boolean released() {
            return read;
        }

        private void release(String why) {
            read = true;
            LOG.info("event=registry-read why={}", why);
        }
    }
}
