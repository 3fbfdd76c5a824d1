package org.ecovalue.jobs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.registry.RegistryItem;
import org.ecovalue.schemas.registry.scheme.FluxScheme;

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

    @TempDir
    Path tmp;

    @Test
    void pipelineWithAndWithoutTheCompensationStage() throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka(tmp.resolve("kafka"), 0).start()) {
            kafka.createAllTopics();
            RegistryPublisher.publish(registry(), kafka.bootstrapServers());
            BenchmarkBasin.Load load = BenchmarkBasin.produce(kafka.bootstrapServers());
            long readings = load.readings();

            double without = run(kafka.bootstrapServers(), false, load.observations());
            // the second run's pipeline writes the same clean observations again after the first run's
            double with = run(kafka.bootstrapServers(), true, 2 * load.observations());
            System.out.printf("BENCH compensation observations=%d readings=%d without=%.1fs (%.0f readings/s) "
                            + "with=%.1fs (%.0f readings/s) ratio=%.2f%n",
                    load.observations(), readings, without, readings / without, with, readings / with,
                    (readings / with) / (readings / without));
        }
    }

    /** Seconds from submission until {@code expected} clean observations are committed. */
    private static double run(String bootstrap, boolean withCompensation, long expected) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        String name = withCompensation ? "bench-with-compensation" : "bench-without-compensation";
        KafkaWiring wiring = new KafkaWiring(bootstrap, name, name, Duration.ofMinutes(2), Duration.ofSeconds(1));
        wiring.configure(env);
        PipelineJob pipeline = new PipelineKafka(wiring).job(PipelineOptions.defaults());
        if (!withCompensation) {
            pipeline = pipeline.withSinks(pipeline.sinks().withCompensation(null));
        }
        pipeline.build(env);
        return BenchmarkBasin.secondsUntilCommitted(env, name, bootstrap, EcoTopic.OBSERVATIONS_CLEAN.topic(), expected);
    }

    /** The benchmark basin with one two-way NH3-N flux agreement per cross-boundary section. */
    private static Registry registry() {
        List<RegistryItem> items = new ArrayList<>(BenchmarkBasin.units(true));
        for (int s = 0; s < BenchmarkBasin.SECTIONS; s++) {
            items.add(new Agreement("A" + s, "协议" + s, "S" + s, BenchmarkBasin.upstream(s), BenchmarkBasin.downstream(s),
                    new FluxScheme(List.of(new FluxScheme.Factor("nh3n", new BigDecimal("10000"), null)), true),
                    PeriodKind.MONTH, null, null, LocalDate.of(2026, 1, 1), null, 0.75, null));
        }
        return Registry.of(items);
    }
}
