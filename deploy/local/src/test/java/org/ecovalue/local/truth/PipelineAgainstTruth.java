package org.ecovalue.local.truth;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.ecovalue.embedded.EmbeddedKafka;
import org.ecovalue.embedded.TopicReader;
import org.ecovalue.jobs.JobOptions;
import org.ecovalue.jobs.KafkaWiring;
import org.ecovalue.jobs.PipelineJob;
import org.ecovalue.jobs.PipelineKafka;
import org.ecovalue.jobs.PipelineOptions;
import org.ecovalue.jobs.StationWaterClassJob;
import org.ecovalue.jobs.registry.RegistryPublisher;
import org.ecovalue.jobs.water.StationWaterClass;
import org.ecovalue.jobs.water.StationWaterClassCodec;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.ledger.LedgerEntry;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.standards.water.WaterBody;
import org.ecovalue.schemas.topics.EcoTopic;
import org.ecovalue.simulator.run.RunOptions;
import org.ecovalue.simulator.run.SimulationRun;
import org.ecovalue.simulator.scenario.Scenario;
import org.ecovalue.simulator.truth.GroundTruth;

/**
 * One scenario through the production pipeline: the simulator's run (as fast as it goes, event times
 * in the scenario's past) fed to {@code eco.observations} through ingest's decisions, the scenario's
 * registry published to {@code eco.registry}, the pipeline and the station-class stage of
 * {@code ecovalue local} on a MiniCluster with the production Kafka wiring (exactly-once sinks), and
 * what they committed read back once {@code done} holds.
 */
final class PipelineAgainstTruth {

    /** What the run produced beside its ground truth. */
    record Outcome(GroundTruth truth, SimulatorIntake.Counts intake, List<LedgerEntry> ledger,
                   List<InventoryRecord> inventory, List<StationWaterClass> stationClasses) {
    }

    /** What the test waits for before it compares. */
    interface Done extends Predicate<Outcome> {
    }

    /** The pipeline's production options (Asia/Shanghai, as the scenarios). */
    static final PipelineOptions OPTIONS = PipelineOptions.defaults();

    private PipelineAgainstTruth() {
    }

    static Outcome run(Scenario scenario, Path dir, Duration atMost, Done done) throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start()) {
            kafka.createAllTopics();
            RegistryPublisher.publish(scenario.registry(), kafka.bootstrapServers());
            JobClient job = start(scenario, kafka.bootstrapServers(), dir);
            try {
                return feedAndCollect(scenario, kafka.bootstrapServers(), atMost, done);
            } finally {
                job.cancel().get();
            }
        }
    }

    private static Outcome feedAndCollect(Scenario scenario, String bootstrap, Duration atMost, Done done) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            // the stations speak once the job holds the whole registry (as in a deployment, where the
            // registry is published before stations go live): a checkpoint has committed the registry
            // source's position at the topic's end, so every operator has seen every item
            await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> registryRead(admin));
        }
        GroundTruth truth;
        SimulatorIntake.Counts counts;
        try (SimulatorIntake intake = new SimulatorIntake(bootstrap)) {
            truth = new SimulationRun(scenario, intake, intake, RunOptions.asFastAsPossible()).run();
            intake.flush();
            counts = intake.counts();
        }
        try (TopicReader ledger = new TopicReader(bootstrap, EcoTopic.COMPENSATION.topic());
             TopicReader inventory = new TopicReader(bootstrap, EcoTopic.INVENTORY.topic());
             TopicReader classes = new TopicReader(bootstrap, EcoTopic.STATION_CLASS.topic())) {
            List<Outcome> last = new ArrayList<>(1);
            await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> {
                Outcome o = new Outcome(truth, counts,
                        ledger.records().stream().map(r -> read(r.value(), LedgerEntry.class)).toList(),
                        inventory.records().stream().map(r -> read(r.value(), InventoryRecord.class)).toList(),
                        classes.records().stream().map(r -> StationWaterClassCodec.decode(r.value())).toList());
                last.clear();
                last.add(o);
                return done.test(o);
            });
            return last.get(0);
        }
    }

    private static boolean registryRead(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin
                .listConsumerGroupOffsets(PipelineJob.NAME + "-registry").partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        if (committed.isEmpty()) {
            return false;
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
        return committed.entrySet().stream().allMatch(e -> e.getValue() != null
                && e.getValue().offset() >= ends.get(e.getKey()).offset());
    }

    private static JobClient start(Scenario scenario, String bootstrap, Path dir) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("16m"));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("32m"));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("32m"));
        conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("checkpoints").toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, conf);
        KafkaWiring wiring = new KafkaWiring(bootstrap, StationWaterClassJob.NAME, StationWaterClassJob.NAME,
                Duration.ofMinutes(2), Duration.ofSeconds(1));
        wiring.configure(env);
        Map<String, WaterBody> bodies = scenario.sections().stream()
                .collect(Collectors.toMap(Section::qualityStation, Section::waterbody));
        wiring.job(JobOptions.defaults().withWaterBodies(bodies)).build(env);
        new PipelineKafka(new KafkaWiring(bootstrap, PipelineJob.NAME, PipelineJob.NAME, Duration.ofMinutes(2),
                Duration.ofSeconds(1))).job(OPTIONS).build(env);
        return env.executeAsync("ground-truth-" + scenario.name());
    }

    private static <T> T read(byte[] json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not a " + type.getSimpleName() + ": " + new String(json, java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }
}
