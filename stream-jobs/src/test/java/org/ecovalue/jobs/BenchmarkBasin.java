package org.ecovalue.jobs;

import static org.ecovalue.jobs.Observations.water;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.ecovalue.schemas.json.ObservationCodec;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.registry.AdministrativeUnit;
import org.ecovalue.schemas.registry.RegistryItem;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.registry.SectionRole;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.schemas.registry.StationKind;
import org.ecovalue.schemas.registry.StationProtocol;
import org.ecovalue.schemas.registry.UnitKind;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.ecovalue.schemas.topics.EcoTopic;

/**
 * The input of the pipeline benchmarks: {@link #SECTIONS} sections on one river, each with a flow
 * station reporting every 5 min and a quality station (pH, DO, NH3-N) every hour, for
 * {@code -Dbench.hours} hours; and the clock they are timed with.
 */
final class BenchmarkBasin {

    static final int SECTIONS = 20;
    static final int HOURS = Integer.getInteger("bench.hours", 24 * 20);
    static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    /** What was loaded onto {@code eco.observations}. */
    record Load(long observations, long readings) {
    }

    private BenchmarkBasin() {
    }

    /** Units, stations and sections; {@code crossBoundary} adds a downstream county per section. */
    static List<RegistryItem> units(boolean crossBoundary) {
        List<RegistryItem> items = new ArrayList<>();
        items.add(new AdministrativeUnit("390000", "清江省", UnitKind.PROVINCE, null));
        items.add(new AdministrativeUnit("390100", "清源市", UnitKind.CITY, "390000"));
        for (int s = 0; s < SECTIONS; s++) {
            items.add(new AdministrativeUnit(upstream(s), "县" + s, UnitKind.COUNTY, "390100"));
            items.add(new Station("F" + s, StationKind.FLOW, 29.7, 118.2, null, "S" + s, "水文站", StationProtocol.OPCUA, 300));
            items.add(new Station("W" + s, StationKind.WATER, 29.7, 118.2, null, "S" + s, "监测站",
                    StationProtocol.MQTT_JSON, 3600));
            if (crossBoundary) {
                items.add(new AdministrativeUnit(downstream(s), "下游县" + s, UnitKind.COUNTY, "390100"));
                items.add(new Section("S" + s, "断面" + s, "清江", "QJ", SectionRole.CROSS_BOUNDARY, upstream(s),
                        downstream(s), WaterClass.III, null, "W" + s, "F" + s));
            } else {
                items.add(new Section("S" + s, "断面" + s, "清江", "QJ", SectionRole.CONTROL, upstream(s), null,
                        WaterClass.III, null, "W" + s, "F" + s));
            }
        }
        return items;
    }

    static String upstream(int section) {
        return String.valueOf(390101 + section);
    }

    static String downstream(int section) {
        return String.valueOf(390201 + section);
    }

    /** Values jitter so that no sensor looks flat-lined. */
    static Load produce(String bootstrap) {
        long n = 0;
        long readings = 0;
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
                                o.station().getBytes(StandardCharsets.UTF_8), ObservationCodec.encode(o)));
                        n++;
                        readings += o.readings().size();
                    }
                }
            }
            p.flush();
        }
        return new Load(n, readings);
    }

    /** Seconds from submitting {@code env}'s job until {@code expected} records are committed on {@code topic}. */
    static double secondsUntilCommitted(StreamExecutionEnvironment env, String name, String bootstrap, String topic,
                                        long expected) throws Exception {
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
