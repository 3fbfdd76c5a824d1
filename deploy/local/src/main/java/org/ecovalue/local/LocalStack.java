package org.ecovalue.local;

import org.ecovalue.dashboard.Dashboard;
import org.ecovalue.dashboard.LocalDashboard;
import org.ecovalue.embedded.EmbeddedKafka;
import org.ecovalue.embedded.EmbeddedMqttBroker;
import java.util.Formatter;
import java.util.Arrays;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.ecovalue.schemas.topics.EcoTopic;
import org.ecovalue.ingest.KafkaPublisher;
import org.ecovalue.ingest.IngestPipeline;
import org.ecovalue.ingest.IngestService;
import org.ecovalue.ingest.config.IngestOptions;
import org.ecovalue.ingest.operations.OperationsServer;
import org.ecovalue.ingest.ObservationIntake;
import org.ecovalue.jobs.registry.RegistryPublisher;
import org.ecovalue.ingest.StationDirectory;
import org.ecovalue.ingest.opcua.OpcUaEndpointConfig;
import org.ecovalue.ingest.opcua.OpcUaIngest;
import org.ecovalue.schemas.hj212.Hj212Decoder;
import org.ecovalue.schemas.json.ObservationCodec;
import org.ecovalue.ingest.operations.IngestMetrics;
import org.ecovalue.ingest.mqtt.MqttIngest;
import org.ecovalue.ingest.mqtt.MqttIngestConfig;
import org.ecovalue.jobs.JobOptions;
import org.ecovalue.jobs.KafkaWiring;
import org.ecovalue.dashboard.config.DashboardSetting;
import org.ecovalue.jobs.PipelineJob;
import org.ecovalue.jobs.PipelineKafka;
import org.ecovalue.jobs.PipelineMain;
import org.ecovalue.jobs.PipelineOptions;
import org.ecovalue.jobs.StationWaterClassJob;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.schemas.registry.StationProtocol;
import org.ecovalue.simulator.delivery.MqttPublisher;
import org.ecovalue.simulator.delivery.MqttSettings;
import org.ecovalue.simulator.opcua.StationServer;
import org.ecovalue.simulator.run.BackgroundRun;
import org.ecovalue.simulator.run.RunOptions;
import org.ecovalue.simulator.run.SimulationRun;
import org.ecovalue.simulator.scenario.Scenario;
import org.ecovalue.simulator.scenario.ScenarioLoader;
import org.ecovalue.schemas.standards.water.WaterBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in this JVM: MQTT broker → ingest → Kafka → Flink (local MiniCluster) →
 * {@code eco.station-class} → terminal, fed by the simulator. Starts in that order; {@link #close}
 * stops in reverse order.
 */
public final class LocalStack implements AutoCloseable {

    /**
     * @param dataDir            broker and Kafka data, Flink checkpoints (kept across runs)
     * @param mqttPort           0 = a free port
     * @param kafkaPort          0 = a free port
     * @param simulatorInterval  time between two observations of one simulated station
     * @param checkpointInterval how often results are committed (and so become visible)
     * @param seed               the simulator's seed
     * @param statusEvery        how often to print a status line; null = never
     */
    public record Settings(Path dataDir, int mqttPort, int kafkaPort, Duration simulatorInterval,
                           Duration checkpointInterval, long seed, Duration statusEvery) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    static final String INFLUX_DATABASE = PipelineMain.DEFAULT_INFLUX_DATABASE;
    private static final String INGEST_CLIENT_ID = "ecovalue-ingest-local";

    private final Settings settings;
    /** InfluxDB 1.x (v1 API) for history, or null: the pipeline writes there, the dashboard reads from there. */
    private String influxUrl;
    private final PrintStream out;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private EmbeddedMqttBroker broker;
    private EmbeddedKafka kafka;
    private KafkaPublisher publisher;
    private MqttIngest ingest;
    private JobClient job;
    private StationClassConsole console;
    private BackgroundRun simulator;
    private StationServer opcua;
    private Scenario scenario;
    private CompletableFuture<EmbeddedMqttBroker> mqttStarted;
    private OperationsServer ingestOperations;
    private Dashboard dashboard;

    /** Writes history to (and the dashboard reads it from) the InfluxDB at {@code url}; null = none. */
    public LocalStack withInflux(String url) {
        this.influxUrl = url == null || url.isBlank() ? null : url;
        return this;
    }

    public LocalStack(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public LocalStack start() throws Exception {
        long t0 = System.nanoTime();
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        requireFree("--mqtt-port", settings.mqttPort());
        requireFree("--kafka-port", settings.kafkaPort());
        Scenario simulation = localScenario(settings);
        scenario = simulation;
        try {
            // the two brokers do not need each other: start them side by side
            EmbeddedMqttBroker mqtt = started(new EmbeddedMqttBroker(dataDir.resolve("hivemq"), settings.mqttPort()));
            mqttStarted = CompletableFuture.supplyAsync(() -> {
                try {
                    return mqtt.start();
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            kafka = started(new EmbeddedKafka(dataDir.resolve("kafka"), settings.kafkaPort()));
            kafka.start();
            kafka.createAllTopics();
            // the pipeline reads stations, sections and agreements from eco.registry (compacted): publish the scenario's
            int registryItems = RegistryPublisher.publish(simulation.registry(), kafka.bootstrapServers());
            LOG.info("event=registry-published items={} scenario={}", registryItems, simulation.name());

            KafkaWiring wiring = KafkaWiring.defaults(kafka.bootstrapServers())
                    .withCheckpointInterval(settings.checkpointInterval());
            job = startJob(wiring, dataDir, simulation);
            started(this::stopJob);

            broker = join(mqttStarted);

            publisher = started(new KafkaPublisher(
                    KafkaPublisher.producerConfig(kafka.bootstrapServers(), INGEST_CLIENT_ID),
                    KafkaPublisher.DEFAULT_CAPACITY));
            MqttIngestConfig ingestConfig = MqttIngestConfig.defaults(broker.serverUri()).withClientId(INGEST_CLIENT_ID);
            // stations the scenario's registry does not know are refused (DLQ unknown-station), as in production
            IngestPipeline intake = new IngestPipeline(new ObservationIntake(Hj212Decoder.strict(),
                    StationDirectory.of(simulation.registry(), StationDirectory.UnknownStationPolicy.REJECT),
                    ObservationCodec.MAX_PAYLOAD_BYTES), publisher, new IngestMetrics(java.time.Clock.systemUTC()));
            started(intake);
            ingest = new MqttIngest(ingestConfig, intake);
            started(ingest);
            ingest.start();

            console = started(new StationClassConsole(kafka.bootstrapServers(), names(simulation), out,
                    ZoneId.systemDefault()).start());

            dashboard = LocalDashboard.start(kafka.bootstrapServers(), dashboardEnvironment()).map(this::started).orElse(null);

            // the default scenario (issue 4): MQTT JSON and HJ 212 stations, an OPC UA server for the flow and weather ones
            opcua = started(new StationServer(simulation.stations().stream()
                    .filter(s -> s.protocol() == StationProtocol.OPCUA).toList(), "127.0.0.1", freePort()));
            opcua.startServer();
            // one OPC UA client per flow/weather station, browsing Objects/Stations/{station} (DESIGN.md); sampled
            // every 100 ms because simulated time runs ~1200x faster than real time here
            List<OpcUaIngest> opcuaClients = new ArrayList<>();
            for (Station station : simulation.stations()) {
                if (station.protocol() == StationProtocol.OPCUA) {
                    OpcUaIngest client = started(new OpcUaIngest(OpcUaEndpointConfig.anonymous("local-" + station.id(),
                            opcua.endpointUrl(), station.id(), Duration.ofMillis(100), Duration.ofMinutes(2),
                            Duration.ofSeconds(10)), intake));
                    client.start();
                    opcuaClients.add(client);
                }
            }
            // /metrics and /health as the standalone ingest serves them; port from its variable, default any free one
            ingestOperations = started(new OperationsServer("127.0.0.1",
                    Integer.parseInt(System.getenv().getOrDefault(IngestOptions.HTTP_PORT.env(), "0")),
                    intake.metrics(), () -> IngestService.readiness(publisher, true, ingest, opcuaClients)));
            MqttPublisher stations = started(new MqttPublisher(new MqttSettings(broker.serverUri(), "ecovalue-simulator",
                    null, null, null, null, 1, 1000)));
            simulator = started(new BackgroundRun(new SimulationRun(simulation, stations, opcua,
                    new RunOptions(speedOf(settings.simulatorInterval()), 0, Duration.ofSeconds(60)))).start());
            if (settings.statusEvery() != null) {
                started(startStatusLine(settings.statusEvery()));
            }
        } catch (Exception | Error e) {
            if (mqttStarted != null) {
                mqttStarted.handle((b, error) -> b).join(); // let it finish before stopping it
            }
            closeQuietly();
            throw e;
        }
        printBanner(dataDir, simulation, Duration.ofNanos(System.nanoTime() - t0));
        return this;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String mqttUri() {
        return broker.serverUri();
    }

    /** The dashboard's address, or null when it could not start (no registry file found). */
    public String dashboardUrl() {
        return dashboard == null ? null : dashboard.url();
    }

    public Map<String, String> stationNames() {
        return names(scenario);
    }

    /** The default scenario from now on, open-ended, with the seed asked for. */
    static Scenario localScenario(Settings settings) throws Exception {
        Scenario s = ScenarioLoader.loadFileOrShipped("default");
        return s.withSimulation(s.simulation().withSeed(settings.seed())
                .startingAt(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS)).withDuration(null));
    }

    /** Hourly stations report every {@code interval}: simulated time runs 3600 s / interval faster. */
    static double speedOf(Duration interval) {
        return 3600_000.0 / interval.toMillis();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Fails before anything starts when a requested port is taken (typically: another stack still running). */
    private static void requireFree(String option, int port) throws PortInUseException {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new PortInUseException("port " + port + " on 127.0.0.1 is in use (another stack still running?); "
                    + "choose another with " + option + " PORT, or 0 for a free one");
        }
    }

    /** A requested port is taken. */
    public static final class PortInUseException extends Exception {
        private static final long serialVersionUID = 1L;

        PortInUseException(String message) {
            super(message, null, false, false);
        }
    }

    private static <T> T join(CompletableFuture<T> future) throws Exception {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private JobClient startJob(KafkaWiring wiring, Path dataDir, Scenario simulation) throws Exception {
        Configuration conf = new Configuration();
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
        // one small job: keep the MiniCluster's memory pools small (hashmap state needs no managed memory)
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("16m"));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("16m"));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("16m"));
        conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dataDir.resolve("flink/checkpoints").toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, conf);
        wiring.configure(env);
        Map<String, WaterBody> bodies = simulation.sections().stream()
                .collect(Collectors.toMap(Section::qualityStation, Section::waterbody));
        wiring.job(JobOptions.defaults().withWaterBodies(bodies)).build(env);
        // the pipeline (QC -> eco.observations.clean, inventory -> eco.inventory, alerts) in the same job and slot,
        // with the scenario's registry published to eco.registry at start
        PipelineKafka pipeline = new PipelineKafka(new KafkaWiring(wiring.bootstrapServers(), PipelineJob.NAME,
                PipelineJob.NAME, wiring.transactionTimeout(), wiring.checkpointInterval()));
        if (influxUrl == null) {
            pipeline.job(PipelineOptions.defaults()).build(env);
        } else {
            pipeline.job(PipelineOptions.defaults(), influxUrl, INFLUX_DATABASE).build(env);
        }
        JobClient client = env.executeAsync(StationWaterClassJob.NAME);
        LOG.info("event=job-submitted job={} id={}", StationWaterClassJob.NAME, client.getJobID());
        return client;
    }

    private void stopJob() throws Exception {
        JobStatus status = job.getJobStatus().get(10, TimeUnit.SECONDS);
        if (!status.isGloballyTerminalState()) {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
        try {
            job.getJobExecutionResult().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException expected) {
            // a cancelled job ends "exceptionally"
        }
        LOG.info("event=job-stopped job={}", StationWaterClassJob.NAME);
    }

    /** The Flink job's state, e.g. RUNNING; "unknown" if it cannot be asked. */
    public String jobStatus() {
        try {
            return job.getJobStatus().get(5, TimeUnit.SECONDS).name();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private AutoCloseable startStatusLine(Duration every) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "local-status");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> out.println(statusLine()), every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
        return ticker::shutdownNow;
    }

    /** {@code http://127.0.0.1:PORT} of the ingest's /metrics and /health. */
    public String ingestOperationsUrl() {
        return "http://127.0.0.1:" + ingestOperations.port();
    }

    String statusLine() {
        KafkaPublisher.Stats s = publisher.stats();
        return java.time.LocalTime.now().withNano(0) + "  status  simulator published=" + simulator.run().messagesSent()
                + "  ingest received=" + ingest.receivedCount() + " observations=" + s.observations()
                + " dlq=" + s.deadLetters() + (s.failed() ? " FAILED" : "")
                + "  flink " + jobStatus() + "  stations with a class=" + console.latest().size();
    }

    /** One write, so log lines of other threads on the same console cannot split its lines. */
    private void printBanner(Path dataDir, Scenario simulation, Duration took) {
        StringBuilder banner = new StringBuilder();
        Formatter f = new Formatter(banner);
        f.format("EcoValue local stack up in %.1f s (data in %s)%n", took.toMillis() / 1000.0, dataDir);
        f.format("  MQTT broker  %-28s HiveMQ CE, MQTT 5; stations publish to ecovalue/v1/{station}/obs%n",
                broker.serverUri());
        f.format("  Kafka        %-28s KRaft, 1 node; topics %s%n", kafka.bootstrapServers(),
                Arrays.stream(EcoTopic.values()).map(EcoTopic::topic).collect(Collectors.joining(" ")));
        f.format("  ingest       %-28s -> eco.observations, eco.ingest.dlq; %s/metrics, /health%n",
                ingest.config().sharedSubscription(), ingestOperationsUrl());
        f.format("  Flink        %-28s local MiniCluster, checkpoint every %ds, exactly-once -> %s%n",
                StationWaterClassJob.NAME, settings.checkpointInterval().toSeconds(), KafkaWiring.STATION_CLASS_TOPIC);
        f.format("  simulator    %-28s scenario %s, %d stations, an hour every %s, seed %d; OPC UA %s%n",
                "ecovalue/v1/{station}/obs|hj212", simulation.name(), simulation.stations().size(),
                human(settings.simulatorInterval()), settings.seed(), opcua.endpointUrl());
        if (dashboard != null) {
            f.format("  dashboard    %-28s live sections, compensation, inventory, alerts (SSE)%n", dashboard.url());
        }
        if (influxUrl != null) {
            f.format("  InfluxDB     %-28s history: database %s (reading, inventory)%n", influxUrl, INFLUX_DATABASE);
        }
        f.format("Live GB 3838-2002 real-time class per station (printed when it changes); Ctrl-C stops.%n");
        out.print(banner);
        out.flush();
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** The water quality stations the console follows (MQTT JSON and HJ 212 alike), named after their section. */
    private static Map<String, String> names(Scenario simulation) {
        return simulation.sections().stream()
                .collect(Collectors.toMap(Section::qualityStation, Section::name));
    }

    /** The dashboard's settings come from the environment; --influx adds where its history is. */
    private Map<String, String> dashboardEnvironment() {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        if (influxUrl != null) {
            env.put(DashboardSetting.INFLUX_URL.env(), influxUrl);
            env.putIfAbsent(DashboardSetting.INFLUX_DATABASE.env(), INFLUX_DATABASE);
        }
        return env;
    }

    private <T extends AutoCloseable> T started(T part) {
        started.push(part);
        return part;
    }

    /** Stops everything that was started, in reverse order; each part is stopped even if another fails. */
    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("event=stop-failed part={} error=\"{}\"", part.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
