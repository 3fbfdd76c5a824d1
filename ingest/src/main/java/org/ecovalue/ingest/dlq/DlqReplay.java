package org.ecovalue.ingest.dlq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.ecovalue.ingest.IntakeDecision;
import org.ecovalue.ingest.KafkaPublisher;
import org.ecovalue.ingest.ObservationIntake;
import org.ecovalue.ingest.Outbound;
import org.ecovalue.ingest.RawMessage;
import org.ecovalue.schemas.dlq.DlqRecord;
import org.ecovalue.schemas.topics.EcoTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ecovalue dlq replay}: reads {@code eco.ingest.dlq} from the beginning up to its end at the
 * start of the replay, feeds each record's original bytes back through the normal intake (e.g.
 * after a registry fix) and publishes what is now accepted to {@code eco.observations}. Records
 * still rejected are counted by reason and not re-published (the DLQ already holds them); the DLQ
 * itself is never rewritten. Observations replayed twice are duplicates that quality control drops.
 */
public final class DlqReplay {

    /** The outcome: how many records were read, now accepted, still rejected (by reason). */
    public record Result(int read, int accepted, Map<String, Integer> stillRejected, int skipped) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DlqReplay.class);

    private final String bootstrap;
    private final ObservationIntake intake;

    public DlqReplay(String bootstrap, ObservationIntake intake) {
        this.bootstrap = bootstrap;
        this.intake = intake;
    }

    /**
     * @param select which DLQ records to replay (e.g. by reason)
     * @param dryRun decide only, publish nothing
     */
    public Result replay(Predicate<DlqRecord> select, boolean dryRun) throws InterruptedException {
        List<DlqRecord> records = readAll();
        int accepted = 0;
        int skipped = 0;
        int read = 0;
        Map<String, Integer> still = new TreeMap<>();
        List<Outbound> toPublish = new ArrayList<>();
        for (DlqRecord r : records) {
            if (!select.test(r)) {
                continue;
            }
            read++;
            String[] levels = r.sourceRef().split("/", -1);
            String claimed = levels.length == 4 && levels[0].equals("ecovalue") ? levels[2] : null;
            IntakeDecision d = intake.route(new RawMessage(r.source(), r.sourceRef(), claimed, r.payload(), r.receivedAt()));
            if (d instanceof IntakeDecision.Publish p && !p.record().isDeadLetter()) {
                accepted++;
                toPublish.add(p.record());
            } else if (d instanceof IntakeDecision.Publish p) {
                still.merge(p.record().reason(), 1, Integer::sum);
            } else {
                skipped++;
            }
        }
        if (!dryRun && !toPublish.isEmpty()) {
            CountDownLatch durable = new CountDownLatch(toPublish.size());
            try (KafkaPublisher publisher = new KafkaPublisher(KafkaPublisher.producerConfig(bootstrap, "ecovalue-dlq-replay"),
                    KafkaPublisher.DEFAULT_CAPACITY)) {
                for (Outbound o : toPublish) {
                    publisher.publish(o, durable::countDown);
                }
                if (!durable.await(120, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("Kafka did not acknowledge " + durable.getCount() + " replayed records");
                }
            }
        }
        LOG.info("event=dlq-replayed read={} accepted={} stillRejected={} skipped={} dryRun={}", read, accepted, still,
                skipped, dryRun);
        return new Result(read, accepted, still, skipped);
    }

    private List<DlqRecord> readAll() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<DlqRecord> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            String topic = EcoTopic.INGEST_DLQ.topic();
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> rec : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        out.add(ObservationIntake.decodeDlq(rec.value()));
                    } catch (RuntimeException e) {
                        LOG.warn("event=dlq-record-unreadable partition={} offset={} error=\"{}\"", rec.partition(),
                                rec.offset(), e.getMessage());
                    }
                }
            }
        }
        return out;
    }
}
