package org.ecovalue.jobs;

import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;
import org.ecovalue.jobs.time.ObservationWatermarks;
import org.ecovalue.jobs.water.LatestWaterClassFunction;
import org.ecovalue.jobs.water.StationWaterClass;
import org.ecovalue.schemas.observation.Observation;

/**
 * Observations → latest GB 3838 real-time class per station. The job is given its source and sink;
 * {@link #main} wires Kafka ({@code eco.observations} → {@code eco.station-class}), tests wire a
 * bounded source and a collecting sink and run this same graph on a MiniCluster.
 */
public final class StationWaterClassJob {

    public static final String NAME = "ecovalue-station-class";

    private final Source<Observation, ?, ?> source;
    private final Sink<StationWaterClass> sink;
    private final JobOptions options;

    public StationWaterClassJob(Source<Observation, ?, ?> source, Sink<StationWaterClass> sink, JobOptions options) {
        this.source = source;
        this.sink = sink;
        this.options = options;
    }

    /** Adds the job's graph to {@code env}; the caller configures checkpointing and executes. */
    public void build(StreamExecutionEnvironment env) {
        // Event time is the measurement time; watermarks are generated per source split (Kafka
        // partition) so that one idle partition does not hold back the others.
        WatermarkStrategy<Observation> eventTime = ObservationWatermarks.of(options.maxOutOfOrderness(), options.sourceIdleness());

        env.fromSource(source, eventTime, "observations").uid("observations-source")
                .keyBy(Observation::station, Types.STRING)
                .process(new LatestWaterClassFunction(options.waterBodies(), options.staleAfter()))
                .name("latest-water-class").uid("latest-water-class")
                .sinkTo(sink).name("station-class-sink").uid("station-class-sink");
    }

    /**
     * Runs the job against Kafka: {@code --bootstrap-servers HOST:PORT} [{@code --group-id},
     * {@code --checkpoint-interval PT10S}, {@code --transaction-timeout PT10M},
     * {@code --max-out-of-orderness PT1M}, {@code --source-idleness PT30S}, {@code --stale-after PT6H}].
     */
    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        KafkaWiring wiring = new KafkaWiring(
                params.getRequired(KafkaWiring.BOOTSTRAP_SERVERS),
                params.get(KafkaWiring.GROUP_ID, KafkaWiring.DEFAULT_GROUP_ID),
                params.get(KafkaWiring.TRANSACTIONAL_ID_PREFIX, KafkaWiring.DEFAULT_TRANSACTIONAL_ID_PREFIX),
                duration(params, KafkaWiring.TRANSACTION_TIMEOUT, KafkaWiring.DEFAULT_TRANSACTION_TIMEOUT),
                duration(params, KafkaWiring.CHECKPOINT_INTERVAL, KafkaWiring.DEFAULT_CHECKPOINT_INTERVAL));
        JobOptions options = new JobOptions(
                duration(params, JobOptions.MAX_OUT_OF_ORDERNESS, JobOptions.DEFAULT_MAX_OUT_OF_ORDERNESS),
                duration(params, JobOptions.SOURCE_IDLENESS, JobOptions.DEFAULT_SOURCE_IDLENESS),
                duration(params, JobOptions.STALE_AFTER, JobOptions.DEFAULT_STALE_AFTER),
                Map.of());

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        wiring.configure(env);
        wiring.job(options).build(env);
        env.execute(NAME);
    }

    private static Duration duration(ParameterTool params, String name, Duration fallback) {
        return params.has(name) ? Duration.parse(params.get(name)) : fallback;
    }
}
