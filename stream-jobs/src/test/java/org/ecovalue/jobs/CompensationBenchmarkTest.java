package org.ecovalue.jobs;

import static org.ecovalue.jobs.Observations.water;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.ecovalue.embedded.EmbeddedKafka;
import org.ecovalue.jobs.registry.RegistryPublisher;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.registry.AdministrativeUnit;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.RegistryItem;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.registry.SectionRole;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.schemas.registry.StationKind;
import org.ecovalue.schemas.registry.StationProtocol;
import org.ecovalue.schemas.registry.UnitKind;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.ecovalue.schemas.topics.EcoTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compensation stage's added cost: the same pipeline on the same pre-loaded input and broker, once
 * without the compensation stage and once with it (one flux agreement per section), timed from
 * submission until every clean observation is committed on {@code eco.observations.clean}. A
 * benchmark, not a test: runs only with {@code -Dbench=true}; prints its figures, asserts nothing.
 *
 * <pre>./mvnw -q -B -o -pl stream-jobs -am verify -Dtest=CompensationBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true -Dbench.hours=96</pre>
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class CompensationBenchmarkTest {

    private static final int SECTIONS = 20;
    private static final int HOURS = Integer.getInteger("bench.hours", 24 * 20);
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final String IDENTITY_TOPIC = "bench.identity";

    @TempDir
    Path tmp;

    @Test
    void pipelineVersusIdentity() throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka(tmp.resolve("kafka"), 0).start()) {
            kafka.createAllTopics();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(IDENTITY_TOPIC, 3, (short) 1))).all().get();
            }
            RegistryPublisher.publish(registry(), kafka.bootstrapServers());
            long observations = produce(kafka.bootstrapServers());

            double without = run(kafka.bootstrapServers(), true, EcoTopic.OBSERVATIONS_CLEAN.topic(), observations);
            double with = run(kafka.bootstrapServers(), false, EcoTopic.OBSERVATIONS_CLEAN.topic(), 2 * observations);
            System.out.printf("BENCH compensation observations=%d readings=%d without=%.1fs (%.0f readings/s) "
                            + "with=%.1fs (%.0f readings/s) ratio=%.2f%n",
                    observations, readings, without, readings / without, with, readings / with,
                    (readings / with) / (readings / without));
        }
    }

    /** Seconds from submission until all {@code expected} records are committed on {@code topic}. */
    private static double run(String bootstrap, boolean identity, String topic, long expected) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        String name = identity ? "bench-without-compensation" : "bench-with-compensation";
        KafkaWiring wiring = new KafkaWiring(bootstrap, name, name, Duration.ofMinutes(2), Duration.ofSeconds(1));
        wiring.configure(env);
        PipelineKafka kafka = new PipelineKafka(wiring);
        PipelineJob pipeline = kafka.job(PipelineOptions.defaults());
        if (identity) {
            // "identity" here: the same pipeline without the compensation stage
            pipeline = pipeline.withSinks(pipeline.sinks().withCompensation(null));
        }
        pipeline.build(env);
        long t0 = System.nanoTime();
        JobClient job = env.executeAsync(name);
        try (KafkaConsumer<byte[], byte[]> c = reader(bootstrap, topic)) {
            long seen = 0;
            while (seen < expected) {
                seen += c.poll(Duration.ofMillis(200)).count();
                if (System.nanoTime() - t0 > Duration.ofMinutes(10).toNanos()) {
                    throw new IllegalStateException("only " + seen + " of " + expected + " after 10 min");
                }
            }
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            job.cancel().get();
        }
    }

    /** Per section: flow every 5 min, quality (pH, DO, NH3-N) every hour; values jitter so no flat line. */
    private static long readings;

    private static long produce(String bootstrap) throws Exception {
        long n = 0;
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int step = 0; step < HOURS * 12; step++) {
                Instant ts = START.plusSeconds(300L * step);
                for (int s = 0; s < SECTIONS; s++) {
                    List<Observation> obs = new ArrayList<>();
                    obs.add(water("F" + s, ts, "flow", 30.0 + (step % 7) * 0.1));
                    if (step % 12 == 0) {
                        obs.add(water("W" + s, ts, "ph", 7.5 + (step % 5) * 0.01, "do", 8.0 + (step % 7) * 0.01,
                                "nh3n", 0.4 + (step % 11) * 0.01));
                    }
                    for (Observation o : obs) {
                        p.send(new ProducerRecord<>(EcoTopic.OBSERVATIONS.topic(),
                                o.station().getBytes(StandardCharsets.UTF_8),
                                org.ecovalue.schemas.json.ObservationCodec.encode(o)));
                        n++;
                        readings += o.readings().size();
                    }
                }
            }
            p.flush();
        }
        return n;
    }

    private static Registry registry() {
        List<RegistryItem> items = new ArrayList<>();
        items.add(new AdministrativeUnit("390000", "清江省", UnitKind.PROVINCE, null));
        items.add(new AdministrativeUnit("390100", "清源市", UnitKind.CITY, "390000"));
        for (int s = 0; s < SECTIONS; s++) {
            String up = String.valueOf(390101 + s);
            items.add(new AdministrativeUnit(up, "县" + s, UnitKind.COUNTY, "390100"));
            items.add(new Station("F" + s, StationKind.FLOW, 29.7, 118.2, null, "S" + s, "水文站", StationProtocol.OPCUA, 300));
            items.add(new Station("W" + s, StationKind.WATER, 29.7, 118.2, null, "S" + s, "监测站",
                    StationProtocol.MQTT_JSON, 3600));
            String down = String.valueOf(390201 + s);
            items.add(new AdministrativeUnit(down, "下游县" + s, UnitKind.COUNTY, "390100"));
            items.add(new Section("S" + s, "断面" + s, "清江", "QJ", SectionRole.CROSS_BOUNDARY, up, down, WaterClass.III,
                    null, "W" + s, "F" + s));
            items.add(new org.ecovalue.schemas.registry.Agreement("A" + s, "协议" + s, "S" + s, up, down,
                    new org.ecovalue.schemas.registry.scheme.FluxScheme(List.of(new org.ecovalue.schemas.registry.scheme
                            .FluxScheme.Factor("nh3n", new java.math.BigDecimal("10000"), null)), true),
                    org.ecovalue.schemas.registry.PeriodKind.MONTH, null, null, java.time.LocalDate.of(2026, 1, 1), null,
                    0.75, null));
        }
        return Registry.of(items);
    }

    private static KafkaConsumer<byte[], byte[]> reader(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + topic + "-" + System.nanoTime()); // from the beginning each run
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        c.subscribe(List.of(topic));
        return c;
    }
}
