package org.ecovalue.jobs;

import static org.ecovalue.jobs.Observations.water;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.ecovalue.embedded.EmbeddedKafka;
import org.ecovalue.jobs.registry.RegistryPublisher;
import org.ecovalue.schemas.json.ObservationCodec;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.topics.EcoTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event-to-output latency of the pipeline at a steady load: stations that send each reading as they
 * measure it ({@code ts} = send time) at {@code -Dbench.rate} observations/s onto {@code eco.observations};
 * latency = when a read_committed consumer receives the reading on {@code eco.observations.clean} −
 * its event time, so it includes the exactly-once commit (one checkpoint interval, 1 s here). A
 * benchmark, not a test: runs only with {@code -Dbench=true}; prints its figures, asserts nothing.
 *
 * <pre>./mvnw -q -B -o -pl stream-jobs -am verify -Dtest=PipelineLatencyBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true</pre>
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class PipelineLatencyBenchmarkTest {

    private static final int RATE = Integer.getInteger("bench.rate", 500);
    private static final Duration WARM_UP = Duration.ofSeconds(15);
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("bench.seconds", 60));
    private static final long TICK_MS = 10;

    @TempDir
    Path tmp;

    @Test
    void eventToCleanOutputAtASteadyLoad() throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka(tmp.resolve("kafka"), 0).start()) {
            kafka.createAllTopics();
            String bootstrap = kafka.bootstrapServers();
            RegistryPublisher.publish(Registry.of(BenchmarkBasin.units(false)), bootstrap);
            Configuration conf = new Configuration();
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
            env.setParallelism(2);
            KafkaWiring wiring = new KafkaWiring(bootstrap, "bench-latency", "bench-latency", Duration.ofMinutes(2),
                    Duration.ofSeconds(1));
            wiring.configure(env);
            new PipelineKafka(wiring).job(PipelineOptions.defaults()).build(env);
            JobClient job = env.executeAsync("bench-latency");
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicLong sent = new AtomicLong();
            try (KafkaConsumer<byte[], byte[]> reader = reader(bootstrap)) {
                Instant measureFrom = Instant.now().plus(WARM_UP);
                Instant stopAt = measureFrom.plus(MEASURED);
                Thread producer = new Thread(() -> produce(bootstrap, stopAt, measureFrom, sent), "bench-stations");
                producer.start();
                long received = 0;
                long deadline = System.currentTimeMillis() + WARM_UP.plus(MEASURED).plusSeconds(60).toMillis();
                while ((producer.isAlive() || received < sent.get()) && System.currentTimeMillis() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(100))) {
                        long now = System.currentTimeMillis();
                        Observation o = ObservationCodec.decode(r.value());
                        if (!o.ts().isBefore(measureFrom)) {
                            latencies.add(now - o.ts().toEpochMilli());
                            received++;
                        }
                    }
                }
                producer.join();
            } finally {
                job.cancel().get();
            }
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("BENCH latency rate=%d obs/s measured=%ds sent=%d received=%d p50=%d ms p90=%d ms"
                            + " p99=%d ms max=%d ms%n", RATE, MEASURED.toSeconds(), sent.get(), sorted.size(),
                    percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99),
                    sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1));
        }
    }

    /** Paced: every 10 ms the observations due, each flow gauge in turn, event time = now. */
    private static void produce(String bootstrap, Instant stopAt, Instant measureFrom, AtomicLong sentMeasured) {
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ProducerConfig.LINGER_MS_CONFIG, 0), new ByteArraySerializer(), new ByteArraySerializer())) {
            long start = System.currentTimeMillis();
            long n = 0;
            long lastTs = 0;
            while (System.currentTimeMillis() < stopAt.toEpochMilli()) {
                long due = (System.currentTimeMillis() - start) * RATE / 1000;
                for (; n < due; n++) {
                    // strictly increasing event times: after a stall the catch-up burst would otherwise give
                    // one gauge two readings in the same millisecond, which QC drops as duplicates
                    lastTs = Math.max(System.currentTimeMillis(), lastTs + 1);
                    Instant ts = Instant.ofEpochMilli(lastTs);
                    // values jitter: no gauge looks flat-lined
                    Observation o = water("F" + (n % BenchmarkBasin.SECTIONS), ts, "flow", 30.0 + (n % 97) * 0.01);
                    p.send(new ProducerRecord<>(EcoTopic.OBSERVATIONS.topic(),
                            o.station().getBytes(StandardCharsets.UTF_8), ObservationCodec.encode(o)));
                    if (!ts.isBefore(measureFrom)) {
                        sentMeasured.incrementAndGet();
                    }
                }
                Thread.sleep(TICK_MS);
            }
            p.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long percentile(List<Long> sorted, double q) {
        return sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }

    private static KafkaConsumer<byte[], byte[]> reader(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-latency-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        c.subscribe(List.of(EcoTopic.OBSERVATIONS_CLEAN.topic()));
        return c;
    }
}
