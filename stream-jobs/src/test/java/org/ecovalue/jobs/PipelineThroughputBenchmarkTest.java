package org.ecovalue.jobs;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.ecovalue.embedded.EmbeddedKafka;
import org.ecovalue.jobs.registry.RegistryPublisher;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.topics.EcoTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput of the pipeline from {@code eco.observations} to {@code eco.observations.clean} (and the
 * inventory), against an identity job (same source, same exactly-once sink, no processing) on the
 * same broker and the same pre-loaded input. A benchmark, not a test: runs only with
 * {@code -Dbench=true}; prints its figures, asserts nothing about speed.
 *
 * <pre>./mvnw -q -B -o -pl stream-jobs -am verify -Dtest=PipelineThroughputBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true</pre>
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class PipelineThroughputBenchmarkTest {

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
            RegistryPublisher.publish(Registry.of(BenchmarkBasin.units(false)), kafka.bootstrapServers());
            BenchmarkBasin.Load load = BenchmarkBasin.produce(kafka.bootstrapServers());
            long readings = load.readings();

            double identity = run(kafka.bootstrapServers(), true, IDENTITY_TOPIC, load.observations());
            double pipeline = run(kafka.bootstrapServers(), false, EcoTopic.OBSERVATIONS_CLEAN.topic(),
                    load.observations());
            System.out.printf("BENCH observations=%d readings=%d identity=%.1fs (%.0f readings/s) "
                            + "pipeline=%.1fs (%.0f readings/s) ratio=%.2f%n",
                    load.observations(), readings, identity, readings / identity, pipeline, readings / pipeline,
                    (readings / pipeline) / (readings / identity));
        }
    }

    /** Seconds from submission until all {@code expected} records are committed on {@code topic}. */
    private static double run(String bootstrap, boolean identity, String topic, long expected) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        String name = identity ? "bench-identity" : "bench-pipeline";
        KafkaWiring wiring = new KafkaWiring(bootstrap, name, name, Duration.ofMinutes(2), Duration.ofSeconds(1));
        wiring.configure(env);
        PipelineKafka kafka = new PipelineKafka(wiring);
        if (identity) {
            env.fromSource(kafka.observations(PipelineKafka.observationDecoder()), WatermarkStrategy.noWatermarks(),
                            "observations").uid("identity-source")
                    .sinkTo(kafka.sink(new ObservationSerializer(topic), "identity")).uid("identity-sink");
        } else {
            kafka.job(PipelineOptions.defaults()).build(env);
        }
        return BenchmarkBasin.secondsUntilCommitted(env, name, bootstrap, topic, expected);
    }
}
