package org.ecovalue.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.ecovalue.jobs.Observations.water;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.jobs.registry.RegistryPublisher;
import org.ecovalue.embedded.EmbeddedKafka;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.json.ObservationCodec;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.topics.EcoTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka in, Kafka out, on a MiniCluster with checkpoints: a run whose task fails mid-way and restores
 * from a checkpoint yields the same FINAL inventory as an undisturbed run — none missing, none doubled.
 */
class PipelineExactlyOnceTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2026-11-22 00:00 in Shanghai. */
    private static final Instant DAY1 = Instant.parse("2026-11-21T16:00:00Z");
    private static final int PER_DAY = 288;

    @TempDir
    Path tmp;

    @Test
    void aTaskFailureMidRunChangesNoFinalInventoryRecord() throws Exception {
        List<InventoryRecord> undisturbed = run(tmp.resolve("a"), Long.MAX_VALUE);
        List<InventoryRecord> recovered = run(tmp.resolve("b"), PER_DAY + 150);

        assertThat(FailingOnceDecoder.FAILED).as("the failure was injected").isTrue();
        // a day at 5-minute readings cycling 10, 11 … 21 m³/s: each hour (10+…+21) × 300 s = 186 × 300 =
        // 55 800 m³, a day 24 × 55 800 = 1 339 200 m³, all 288 readings valid
        // (every hour 12 of 12 readings, 55 800 m³)
        for (List<InventoryRecord> all : List.of(undisturbed, recovered)) {
            assertThat(days(all)).extracting(InventoryRecord::period).containsExactly("2026-11-22", "2026-11-23");
            assertThat(days(all)).allSatisfy(r -> {
                assertThat(r.revision()).isEqualTo(1);
                assertThat(r.quantity().value()).isCloseTo(1_339_200, within(1e-6));
            });
            List<InventoryRecord> hours = hours(all);
            assertThat(hours).as("48 hours, each FINAL once").hasSize(48);
            assertThat(hours).allSatisfy(r -> {
                assertThat(r.revision()).as(r.period()).isEqualTo(1);
                assertThat(r.quantity().value()).as(r.period()).isCloseTo(55_800, within(1e-6));
            });
            assertThat(all).allSatisfy(r -> {
                assertThat(r.unitId()).isEqualTo(TestRegistry.UPSTREAM);
                assertThat(r.completeness()).as(r.period()).isEqualTo(1.0);
            });
        }
        assertThat(recovered).isEqualTo(undisturbed);
    }

    /** The hour records among {@code records} (labels yyyy-MM-ddTHH). */
    private static List<InventoryRecord> hours(List<InventoryRecord> records) {
        return records.stream().filter(r -> r.period().length() == 13).toList();
    }

    /** The day records among {@code records} (labels yyyy-MM-dd). */
    private static List<InventoryRecord> days(List<InventoryRecord> records) {
        return records.stream().filter(r -> r.period().length() == 10).toList();
    }

    /** FINAL records of 22 and 23 November and of their hours, in period order (the month is still open). */
    private static List<InventoryRecord> finalsOfDaysOneAndTwo(List<InventoryRecord> records) {
        return records.stream().filter(r -> r.status() == InventoryStatus.FINAL)
                .filter(r -> r.period().startsWith("2026-11-22") || r.period().startsWith("2026-11-23"))
                .sorted(java.util.Comparator.comparing(InventoryRecord::period)).toList();
    }

    /** Runs the production Kafka wiring until both days are FINAL on eco.inventory; returns the FINAL records read committed. */
    private static List<InventoryRecord> run(Path dir, long failAt) throws Exception {
        FailingOnceDecoder.reset();
        Files.createDirectories(dir);
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir, 0).start()) {
            kafka.createAllTopics();
            RegistryPublisher.publish(Registry.of(TestRegistry.items()), kafka.bootstrapServers());

            ExactlyOnceJob started = ExactlyOnceJob.start(kafka.bootstrapServers(), "pipeline-test", failAt, SHANGHAI);
            JobClient job = started.client();
            KafkaWiring wiring = started.wiring();
            RegistryReadBarrier.await(kafka.bootstrapServers(), wiring, TestRegistry.items().size());
            produceObservations(kafka.bootstrapServers(), 0, PER_DAY);
            try (KafkaConsumer<byte[], byte[]> consumer = committedReader(kafka.bootstrapServers())) {
                List<InventoryRecord> records = new ArrayList<>();
                // a first checkpoint has committed day 1's LIVE figures before day 2 arrives: the
                // failure (if any) then happens after a checkpoint, in the middle of day 2
                await().atMost(Duration.ofSeconds(60)).until(() -> poll(consumer, records) && !records.isEmpty());
                // day 2, and day 3 until 01:20, so that the watermark passes day 2's end + 10 min
                produceObservations(kafka.bootstrapServers(), PER_DAY, 2 * PER_DAY + 16);
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                    poll(consumer, records);
                    assertThat(days(finalsOfDaysOneAndTwo(records))).as("FINAL days so far; last records %s",
                            records.subList(Math.max(0, records.size() - 3), records.size())).hasSizeGreaterThanOrEqualTo(2);
                });
                // a doubled FINAL would come in the same transaction or the next: read a little more
                Instant until = Instant.now().plusSeconds(2);
                await().atMost(Duration.ofSeconds(5)).until(() -> poll(consumer, records) && Instant.now().isAfter(until));
                return finalsOfDaysOneAndTwo(records);
            } finally {
                job.cancel().get();
            }
        }
    }

    private static boolean poll(KafkaConsumer<byte[], byte[]> consumer, List<InventoryRecord> into) throws Exception {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            into.add(Json.mapper().readValue(r.value(), InventoryRecord.class));
        }
        return true;
    }

    /** Reading {@code i} is at DAY1 + 5 min × i, flow 10 + (i mod 12) m³/s. */
    private static void produceObservations(String bootstrap, int from, int to) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            for (int i = from; i < to; i++) {
                Observation obs = water(TestRegistry.FLOW_STATION, DAY1.plusSeconds(300L * i), "flow", 10.0 + i % 12);
                producer.send(new ProducerRecord<>(EcoTopic.OBSERVATIONS.topic(),
                        obs.station().getBytes(StandardCharsets.UTF_8), ObservationCodec.encode(obs)));
            }
            producer.flush();
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<byte[], byte[]> committedReader(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "inventory-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        c.subscribe(List.of(EcoTopic.INVENTORY.topic()));
        return c;
    }
}
