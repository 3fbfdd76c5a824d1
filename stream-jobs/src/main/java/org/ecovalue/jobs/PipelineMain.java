package org.ecovalue.jobs;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;

/**
 * Runs {@link PipelineJob} against Kafka (a Flink cluster's entry point, or {@code java -cp}):
 * {@code --bootstrap-servers HOST:PORT} and the optional {@code --NAME VALUE} of {@link KafkaWiring}
 * and {@link PipelineOptions} (durations ISO-8601, e.g. {@code --allowed-lateness PT10M}); each option
 * also reads the environment variable {@code ECOVALUE_} + its name in upper snake case.
 */
public final class PipelineMain {

    /** InfluxDB 1.x v1 API address, e.g. http://127.0.0.1:8086; empty = no history written. */
    public static final String INFLUX_URL = "influx-url";
    public static final String INFLUX_DATABASE = "influx-database";
    public static final String DEFAULT_INFLUX_DATABASE = "ecovalue";
    /** Every option {@link #main} reads; deployments (deploy/compose, deploy/k8s) set them as {@link #envName}s. */
    public static final List<String> OPTIONS = List.of(
            KafkaWiring.BOOTSTRAP_SERVERS, KafkaWiring.GROUP_ID, KafkaWiring.TRANSACTIONAL_ID_PREFIX,
            KafkaWiring.TRANSACTION_TIMEOUT, KafkaWiring.CHECKPOINT_INTERVAL,
            PipelineOptions.MAX_OUT_OF_ORDERNESS, PipelineOptions.SOURCE_IDLENESS, PipelineOptions.READER_IDLENESS,
            PipelineOptions.ALLOWED_LATENESS,
            PipelineOptions.LATE_HORIZON, PipelineOptions.LIVE_EVERY, PipelineOptions.REGISTRY_WAIT,
            PipelineOptions.FLAT_LINE_AFTER, PipelineOptions.GAP_AFTER_INTERVALS, PipelineOptions.ZONE,
            INFLUX_URL, INFLUX_DATABASE);

    private PipelineMain() {
    }

    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        KafkaWiring wiring = new KafkaWiring(
                text(params, KafkaWiring.BOOTSTRAP_SERVERS, null),
                text(params, KafkaWiring.GROUP_ID, PipelineJob.NAME),
                text(params, KafkaWiring.TRANSACTIONAL_ID_PREFIX, PipelineJob.NAME),
                duration(params, KafkaWiring.TRANSACTION_TIMEOUT, KafkaWiring.DEFAULT_TRANSACTION_TIMEOUT),
                duration(params, KafkaWiring.CHECKPOINT_INTERVAL, KafkaWiring.DEFAULT_CHECKPOINT_INTERVAL));
        PipelineOptions options = new PipelineOptions(
                duration(params, PipelineOptions.MAX_OUT_OF_ORDERNESS, PipelineOptions.DEFAULT_MAX_OUT_OF_ORDERNESS),
                duration(params, PipelineOptions.SOURCE_IDLENESS, PipelineOptions.DEFAULT_SOURCE_IDLENESS),
                duration(params, PipelineOptions.READER_IDLENESS, PipelineOptions.DEFAULT_READER_IDLENESS),
                duration(params, PipelineOptions.ALLOWED_LATENESS, PipelineOptions.DEFAULT_ALLOWED_LATENESS),
                duration(params, PipelineOptions.LATE_HORIZON, PipelineOptions.DEFAULT_LATE_HORIZON),
                duration(params, PipelineOptions.LIVE_EVERY, PipelineOptions.DEFAULT_LIVE_EVERY),
                duration(params, PipelineOptions.REGISTRY_WAIT, PipelineOptions.DEFAULT_REGISTRY_WAIT),
                duration(params, PipelineOptions.FLAT_LINE_AFTER, PipelineOptions.DEFAULT_FLAT_LINE_AFTER),
                Integer.parseInt(text(params, PipelineOptions.GAP_AFTER_INTERVALS,
                        String.valueOf(PipelineOptions.DEFAULT_GAP_AFTER_INTERVALS))),
                ZoneId.of(text(params, PipelineOptions.ZONE, PipelineOptions.DEFAULT_ZONE.getId())));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        wiring.configure(env);
        String influxUrl = text(params, INFLUX_URL, "");
        PipelineKafka kafka = new PipelineKafka(wiring);
        (influxUrl.isBlank() ? kafka.job(options)
                : kafka.job(options, influxUrl, text(params, INFLUX_DATABASE, DEFAULT_INFLUX_DATABASE))).build(env);
        env.execute(PipelineJob.NAME);
    }

    /** The environment variable that stands in for {@code --option}: {@code ECOVALUE_} + upper snake case. */
    public static String envName(String option) {
        return "ECOVALUE_" + option.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    private static String text(ParameterTool params, String name, String fallback) {
        if (params.has(name)) {
            return params.get(name);
        }
        String env = System.getenv(envName(name));
        if (env != null && !env.isBlank()) {
            return env;
        }
        if (fallback == null) {
            throw new IllegalArgumentException("--" + name + " (or " + envName(name) + ") is required");
        }
        return fallback;
    }

    private static Duration duration(ParameterTool params, String name, Duration fallback) {
        return Duration.parse(text(params, name, fallback.toString()));
    }
}
