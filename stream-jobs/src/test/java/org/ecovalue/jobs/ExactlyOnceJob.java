package org.ecovalue.jobs;

import java.time.Duration;
import java.time.ZoneId;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The production Kafka wiring of the exactly-once tests on the test's MiniCluster: checkpoints every
 * 500 ms, one restart after the injected failure, event-time options with 1 s idleness per partition and
 * the default reader idleness. Parallelism 1: the tests' one station fills one partition, and a second
 * source reader would own only quiet ones and hold event time back for {@code reader-idleness}
 * (docs/pipeline.md, "Event time").
 */
record ExactlyOnceJob(JobClient client, KafkaWiring wiring) {

    static ExactlyOnceJob start(String bootstrapServers, String name, long failAt, ZoneId zone) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        KafkaWiring wiring = new KafkaWiring(bootstrapServers, name, name, Duration.ofMinutes(1), Duration.ofMillis(500));
        wiring.configure(env);
        PipelineOptions options = new PipelineOptions(Duration.ofMinutes(1), Duration.ofSeconds(1),
                PipelineOptions.DEFAULT_READER_IDLENESS,
                Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1),
                Duration.ofHours(6), 3, zone);
        new PipelineKafka(wiring).job(options, new FailingOnceDecoder(failAt)).build(env);
        return new ExactlyOnceJob(env.executeAsync(name), wiring);
    }
}
