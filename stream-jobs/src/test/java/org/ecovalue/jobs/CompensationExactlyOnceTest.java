package org.ecovalue.jobs;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.ecovalue.schemas.registry.RegistryItem;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.jobs.registry.RegistryPublisher;
import org.ecovalue.embedded.EmbeddedKafka;
import org.ecovalue.jobs.compensation.AgreementLedgerTest;
import org.ecovalue.schemas.ledger.LedgerEntry;
import org.ecovalue.schemas.ledger.LedgerHashChain;
import org.ecovalue.schemas.ledger.LedgerStatus;
import java.math.BigDecimal;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.json.ObservationCodec;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.topics.EcoTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compensation ledger through the production Kafka wiring on a MiniCluster with checkpoints: a run
 * whose task fails in the middle of the period and restores from a checkpoint writes the same FINAL
 * entry, with the same hash, as an undisturbed run, once.
 */
class CompensationExactlyOnceTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The last day of February 2026 in Shanghai: 2026-02-28 00:00 = 2026-02-27T16:00Z; the month ends a day later. */
    private static final Instant LAST_DAY = Instant.parse("2026-02-27T16:00:00Z");
    private static final Instant FEB_END = Instant.parse("2026-02-28T16:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void aTaskFailureMidPeriodChangesNeitherTheFinalFigureNorItsHash() throws Exception {
        List<LedgerEntry> undisturbed = run(tmp.resolve("a"), Long.MAX_VALUE);
        List<LedgerEntry> recovered = run(tmp.resolve("b"), 24 + 12);

        assertThat(FailingOnceDecoder.FAILED).as("the failure was injected").isTrue();
        // hour h: NH3-N 1.1 + 0.1 × (h mod 3) mg/L, flow 100 + 10 × (h mod 4) m³/s held for 3 600 s.
        // Excess (C − 1.0) × V over the 12 combinations of a cycle: 36 000 + 79 200 + 129 600 + 46 800
        // + 72 000 + 118 800 + 43 200 + 93 600 + 108 000 + 39 600 + 86 400 + 140 400 = 993 600 g;
        // two cycles 1 987 200 g = 1.9872 t × ¥10 000 = ¥19 872.00
        for (List<LedgerEntry> finals : List.of(undisturbed, recovered)) {
            assertThat(finals).singleElement().satisfies(e -> {
                assertThat(e.key()).isEqualTo(AgreementLedgerTest.AGREEMENT + "/2026-02");
                assertThat(e.amountCny()).isEqualTo(new BigDecimal("19872.00"));
                assertThat(e.inputs().validHours()).isEqualTo(24);
                assertThat(e.prevHash()).isEqualTo(LedgerHashChain.GENESIS);
            });
        }
        assertThat(recovered.get(0).hash()).isEqualTo(undisturbed.get(0).hash());
        assertThat(recovered).isEqualTo(undisturbed);
    }

    /** Runs the production Kafka wiring until February is FINAL on eco.compensation; returns the FINAL entries read committed. */
    private static List<LedgerEntry> run(Path dir, long failAt) throws Exception {
        FailingOnceDecoder.reset();
        Files.createDirectories(dir);
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir, 0).start()) {
            kafka.createAllTopics();
            RegistryPublisher.publish(Registry.of(registryItems()), kafka.bootstrapServers());

            ExactlyOnceJob started = ExactlyOnceJob.start(kafka.bootstrapServers(), "compensation-test", failAt, SHANGHAI);
            JobClient job = started.client();
            KafkaWiring wiring = started.wiring();
            RegistryReadBarrier.await(kafka.bootstrapServers(), wiring, registryItems().size());
            produceHours(kafka.bootstrapServers(), 0, 12);
            try (KafkaConsumer<byte[], byte[]> consumer = committedReader(kafka.bootstrapServers())) {
                List<LedgerEntry> entries = new ArrayList<>();
                // a first checkpoint has committed a PROVISIONAL figure before the rest of the day arrives:
                // the failure (if any) then happens after a checkpoint, in the middle of the period
                await().atMost(Duration.ofSeconds(60)).until(() -> poll(consumer, entries) && !entries.isEmpty());
                produceHours(kafka.bootstrapServers(), 12, 24);
                produceFlow(kafka.bootstrapServers(), FEB_END.plusSeconds(15 * 60), 100.0); // watermark past end + 10 min
                await().atMost(Duration.ofSeconds(90)).until(() -> poll(consumer, entries)
                        && entries.stream().anyMatch(e -> e.status() == LedgerStatus.FINAL));
                // a doubled FINAL would come in the same transaction or the next: read a little more
                Instant until = Instant.now().plusSeconds(2);
                await().atMost(Duration.ofSeconds(5)).until(() -> poll(consumer, entries) && Instant.now().isAfter(until));
                assertThat(LedgerHashChain.verify(entries).intact()).isTrue();
                return entries.stream().filter(e -> e.status() == LedgerStatus.FINAL).toList();
            } finally {
                job.cancel().get();
            }
        }
    }

    private static boolean poll(KafkaConsumer<byte[], byte[]> consumer, List<LedgerEntry> into) throws Exception {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            into.add(Json.mapper().readValue(r.value(), LedgerEntry.class));
        }
        return true;
    }

    /** Hours {@code from} … {@code to − 1} of the last day: one quality and one flow observation at each hour's start. */
    private static void produceHours(String bootstrap, int from, int to) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            for (int h = from; h < to; h++) {
                Instant at = LAST_DAY.plusSeconds(3600L * h);
                send(producer, water(TestRegistry.QUALITY_STATION, at, "nh3n", 1.1 + 0.1 * (h % 3)));
                send(producer, water(TestRegistry.FLOW_STATION, at, "flow", 100.0 + 10 * (h % 4)));
            }
            producer.flush();
        }
    }

    private static void produceFlow(String bootstrap, Instant at, double m3s) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            send(producer, water(TestRegistry.FLOW_STATION, at, "flow", m3s));
            producer.flush();
        }
    }

    /**
     * Both stations into one partition, in time order (see {@link #run}: one reader, one channel). Keyed
     * by station they may land in two partitions, and then a split that went idle between the two
     * batches (idleness 1 s) lets the other split's watermark run hours ahead of it.
     */
    private static void send(KafkaProducer<byte[], byte[]> producer, Observation obs) {
        producer.send(new ProducerRecord<>(EcoTopic.OBSERVATIONS.topic(), 0,
                obs.station().getBytes(StandardCharsets.UTF_8), ObservationCodec.encode(obs)));
    }

    /** The test registry plus the flux agreement of {@link AgreementLedgerTest}. */
    private static List<RegistryItem> registryItems() {
        List<RegistryItem> items = new ArrayList<>(TestRegistry.items());
        items.add(AgreementLedgerTest.fluxAgreement());
        return items;
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<byte[], byte[]> committedReader(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "ledger-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        c.subscribe(List.of(EcoTopic.COMPENSATION.topic()));
        return c;
    }
}
