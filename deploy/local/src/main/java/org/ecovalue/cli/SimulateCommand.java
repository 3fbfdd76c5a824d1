package org.ecovalue.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.schemas.registry.StationProtocol;
import org.ecovalue.simulator.delivery.Delivery;
import org.ecovalue.simulator.delivery.MqttPublisher;
import org.ecovalue.simulator.delivery.MqttSettings;
import org.ecovalue.simulator.delivery.Publisher;
import org.ecovalue.simulator.delivery.RecordingPublisher;
import org.ecovalue.simulator.opcua.StationServer;
import org.ecovalue.simulator.replay.RecordedReadings;
import org.ecovalue.simulator.replay.Replayer;
import org.ecovalue.simulator.run.OperatorEndpoint;
import org.ecovalue.simulator.run.RunOptions;
import org.ecovalue.simulator.run.SimulationRun;
import org.ecovalue.simulator.scenario.InvalidScenarioException;
import org.ecovalue.simulator.scenario.Scenario;
import org.ecovalue.simulator.scenario.ScenarioLoader;
import org.ecovalue.simulator.scenario.Simulation;
import org.ecovalue.simulator.truth.GroundTruth;
import org.ecovalue.simulator.truth.GroundTruthFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ecovalue simulate}: a scenario's stations over MQTT and OPC UA, with a ground-truth file. */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Simulates a basin's stations: MQTT JSON, MQTT HJ 212 and an OPC UA server, faults on demand.",
                "%nThe scenario is a registry YAML with a 'simulation:' section (docs/simulator.md). At the end "
                        + "(or on Ctrl-C) the ground truth is written: what was sent, what was corrupted on "
                        + "purpose, the expected water class per section and hour and the expected compensation "
                        + "per agreement and period. Every option can also be set by the environment variable "
                        + "named in its description.%n"},
        sortOptions = false)
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "FILE|NAME", defaultValue = "${env:ECOVALUE_SIM_SCENARIO:-default}",
            description = "Scenario file, or a shipped one by name: default, large, flux, p-index, class-step, "
                    + "tiered-exceedance, service-value-share (ECOVALUE_SIM_SCENARIO; default: ${DEFAULT-VALUE}).")
    String scenarioFile;

    @Option(names = "--speed", paramLabel = "N", defaultValue = "${env:ECOVALUE_SIM_SPEED:-1}",
            description = "Simulated seconds per real second; 0 = as fast as the broker takes it (ECOVALUE_SIM_SPEED; default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "${env:ECOVALUE_SIM_SEED}",
            description = "Seed of every simulated value (ECOVALUE_SIM_SEED; default: the scenario's).")
    Long seed;

    @Option(names = "--mqtt", paramLabel = "URL", defaultValue = "${env:ECOVALUE_MQTT_URL:-tcp://127.0.0.1:1883}",
            description = "MQTT broker, tcp:// or ssl:// (ECOVALUE_MQTT_URL; default: ${DEFAULT-VALUE}).")
    String mqttUrl;

    @Option(names = "--mqtt-username", paramLabel = "NAME", defaultValue = "${env:ECOVALUE_MQTT_USERNAME}",
            description = "Broker user name (ECOVALUE_MQTT_USERNAME; default: anonymous).")
    String mqttUsername;

    @Option(names = "--mqtt-password", paramLabel = "SECRET", defaultValue = "${env:ECOVALUE_MQTT_PASSWORD}",
            description = "Broker password (ECOVALUE_MQTT_PASSWORD; prefer the variable to the option).")
    char[] mqttPassword;

    @Option(names = "--mqtt-truststore", paramLabel = "FILE", defaultValue = "${env:ECOVALUE_MQTT_TRUSTSTORE}",
            description = "Certificates trusted for ssl://: the broker's CA file (PEM/DER, as Mosquitto's cafile) or a "
                    + "PKCS12 store (.p12/.pfx) (ECOVALUE_MQTT_TRUSTSTORE; default: the JVM's).")
    Path trustStore;

    @Option(names = "--mqtt-truststore-password", paramLabel = "SECRET", defaultValue = "${env:ECOVALUE_MQTT_TRUSTSTORE_PASSWORD}",
            description = "Password of a PKCS12 trust store (ECOVALUE_MQTT_TRUSTSTORE_PASSWORD).")
    char[] trustStorePassword;

    @Option(names = "--qos", paramLabel = "0|1", defaultValue = "${env:ECOVALUE_SIM_QOS:-1}",
            description = "MQTT QoS of every message (ECOVALUE_SIM_QOS; default: ${DEFAULT-VALUE}).")
    int qos;

    @Option(names = "--opcua-port", paramLabel = "P", defaultValue = "${env:ECOVALUE_SIM_OPCUA_PORT:-4840}",
            description = "Port of the OPC UA server on 127.0.0.1 for the scenario's opcua stations; -1 = none "
                    + "(ECOVALUE_SIM_OPCUA_PORT; default: ${DEFAULT-VALUE}).")
    int opcuaPort;

    @Option(names = "--opcua-security", paramLabel = "None|Basic256Sha256",
            defaultValue = "${env:ECOVALUE_SIM_OPCUA_SECURITY:-None}",
            description = "Security of the OPC UA server: None (anonymous) or Basic256Sha256 (SignAndEncrypt, user name "
                    + "--opcua-username; trusts the client certificates in --opcua-pki-dir/trusted/certs) "
                    + "(ECOVALUE_SIM_OPCUA_SECURITY; default: ${DEFAULT-VALUE}).")
    String opcuaSecurity;

    @Option(names = "--opcua-pki-dir", paramLabel = "DIR", defaultValue = "${env:ECOVALUE_SIM_OPCUA_PKI_DIR:-opcua-pki}",
            description = "The server's certificate (own/, created on first start) and trusted client certificates "
                    + "(ECOVALUE_SIM_OPCUA_PKI_DIR; default: ${DEFAULT-VALUE}).")
    Path opcuaPkiDir;

    @Option(names = "--opcua-pki-password", paramLabel = "SECRET",
            defaultValue = "${env:ECOVALUE_SIM_OPCUA_PKI_PASSWORD:-ecovalue}",
            description = "Password of own/application.pfx (ECOVALUE_SIM_OPCUA_PKI_PASSWORD).")
    char[] opcuaPkiPassword;

    @Option(names = "--opcua-username", paramLabel = "NAME", defaultValue = "${env:ECOVALUE_SIM_OPCUA_USERNAME}",
            description = "The user name clients log in with under Basic256Sha256 (ECOVALUE_SIM_OPCUA_USERNAME).")
    String opcuaUsername;

    @Option(names = "--opcua-password", paramLabel = "SECRET", defaultValue = "${env:ECOVALUE_SIM_OPCUA_PASSWORD}",
            description = "Its password (ECOVALUE_SIM_OPCUA_PASSWORD; prefer the variable to the option).")
    char[] opcuaPassword;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class, defaultValue = "${env:ECOVALUE_SIM_DURATION}",
            description = "Simulated time to run, e.g. 6h, P30D (ECOVALUE_SIM_DURATION; default: the scenario's).")
    Duration duration;

    @Option(names = "--start", paramLabel = "TIME|now", defaultValue = "${env:ECOVALUE_SIM_START}",
            description = "Event time of the first readings, ISO-8601 or 'now'; faults move with it (ECOVALUE_SIM_START; default: the scenario's).")
    String start;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "${env:ECOVALUE_SIM_RATE:-0}",
            description = "At most N messages per second; 0 = no cap (ECOVALUE_SIM_RATE; default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--truth", paramLabel = "FILE", defaultValue = "${env:ECOVALUE_SIM_TRUTH:-ground-truth.json}",
            description = "Where the ground truth is written (ECOVALUE_SIM_TRUTH; default: ${DEFAULT-VALUE}).")
    Path truthFile;

    @Option(names = "--progress-every", paramLabel = "D", converter = DurationConverter.class,
            defaultValue = "${env:ECOVALUE_SIM_PROGRESS_EVERY:-5s}",
            description = "Progress line interval (ECOVALUE_SIM_PROGRESS_EVERY; default: ${DEFAULT-VALUE}).")
    Duration progressEvery;

    @Option(names = "--http-port", paramLabel = "P", defaultValue = "${env:ECOVALUE_SIM_HTTP_PORT:--1}",
            description = "Serve /health and /metrics (Prometheus) on 127.0.0.1:P during the run; 0 = a free port, "
                    + "-1 = off (ECOVALUE_SIM_HTTP_PORT; default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--dry-run", description = "Print a sample of each payload type and exit; nothing is sent.")
    boolean dryRun;

    @Option(names = "--replay", paramLabel = "FILE",
            description = "Publish recorded readings instead (CSV in the 'ecovalue assess' format, or HJ 212 packets "
                    + "one per line) with their original timestamps, --speed times faster (0 = at once).")
    Path replay;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (qos < 0 || qos > 1) {
            throw new ParameterException(spec.commandLine(), "--qos is 0 or 1, got " + qos);
        }
        if (speed < 0 || rate < 0) {
            throw new ParameterException(spec.commandLine(), "--speed and --rate are not negative");
        }
        if (replay != null) {
            return replay(out);
        }
        Scenario scenario;
        try {
            scenario = configured(ScenarioLoader.loadFileOrShipped(scenarioFile));
        } catch (InvalidScenarioException e) {
            spec.commandLine().getErr().println("ecovalue simulate: " + e.getMessage());
            return EcoValueCommand.FAILED_CHECK;
        }
        if (dryRun) {
            printSamples(scenario, out);
            return EcoValueCommand.OK;
        }
        List<Station> opcuaStations = scenario.stations().stream().filter(s -> s.protocol() == StationProtocol.OPCUA).toList();
        StationServer opcua = opcuaPort >= 0 && !opcuaStations.isEmpty()
                ? new StationServer(opcuaStations, "127.0.0.1", opcuaPort, opcuaSecurity()) : null;
        try (Publisher mqtt = new MqttPublisher(mqttSettings())) {
            if (opcua != null) {
                opcua.startServer();
                out.println("OPC UA server: " + opcua.endpointUrl() + " (" + opcuaStations.size() + " stations)"
                        + (opcua.pki() == null ? "" : ", Basic256Sha256/SignAndEncrypt; its certificate "
                                + opcua.pki().certificateFile() + ", clients trusted in "
                                + opcua.pki().dir().resolve("trusted").resolve("certs")));
            }
            SimulationRun run = new SimulationRun(scenario, mqtt, opcua, new RunOptions(speed, rate, progressEvery))
                    .onProgress(out::println);
            Thread hook = new Thread(run::stop, "simulate-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            OperatorEndpoint endpoint = httpPort >= 0 ? new OperatorEndpoint(run, httpPort) : null;
            if (endpoint != null) {
                out.println("Health and metrics: http://127.0.0.1:" + endpoint.port() + "/health, /metrics");
            }
            GroundTruth truth;
            try {
                truth = run.run();
            } finally {
                if (endpoint != null) {
                    endpoint.close();
                }
            }
            GroundTruthFile.write(truth, truthFile);
            out.printf("Sent %d messages, %d readings; ground truth: %s%n", truth.messages(), truth.readings(), truthFile);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the run stopped early and its truth is written
            }
        } finally {
            if (opcua != null) {
                opcua.close();
            }
        }
        return EcoValueCommand.OK;
    }

    /** Null for None; the server's PKI folder and login for Basic256Sha256. */
    private StationServer.Security opcuaSecurity() {
        if ("None".equals(opcuaSecurity)) {
            return null;
        }
        if (!StationServer.Security.POLICY.equals(opcuaSecurity)) {
            throw new ParameterException(spec.commandLine(), "--opcua-security is None or Basic256Sha256, got "
                    + opcuaSecurity);
        }
        if (opcuaUsername == null || opcuaPassword == null) {
            throw new ParameterException(spec.commandLine(),
                    "--opcua-security Basic256Sha256 needs --opcua-username and --opcua-password");
        }
        return new StationServer.Security(opcuaPkiDir, opcuaPkiPassword, opcuaUsername, opcuaPassword);
    }

    private Scenario configured(Scenario scenario) {
        Simulation sim = scenario.simulation();
        if (seed != null) {
            sim = sim.withSeed(seed);
        }
        if (start != null) {
            Instant at = "now".equalsIgnoreCase(start) ? Instant.now().truncatedTo(ChronoUnit.HOURS) : Instant.parse(start);
            sim = sim.startingAt(at);
        }
        if (duration != null) {
            sim = sim.withDuration(duration);
        }
        return scenario.withSimulation(sim);
    }

    private MqttSettings mqttSettings() {
        return new MqttSettings(mqttUrl, "ecovalue-simulator", mqttUsername, mqttPassword, trustStore, trustStorePassword,
                qos, 1000);
    }

    private int replay(PrintWriter out) throws Exception {
        List<RecordedReadings.Recorded> recorded = RecordedReadings.read(replay, Simulation.DEFAULT_ZONE);
        try (Publisher mqtt = new MqttPublisher(mqttSettings())) {
            long n = Replayer.replay(recorded, mqtt, speed);
            out.printf("Replayed %d messages from %s%n", n, replay);
        }
        return EcoValueCommand.OK;
    }

    /** A day of the scenario in memory; the first message of each kind printed. */
    private static void printSamples(Scenario scenario, PrintWriter out) throws Exception {
        Scenario oneDay = scenario.withSimulation(scenario.simulation().withDuration(Duration.ofDays(1)));
        RecordingPublisher memory = new RecordingPublisher();
        Map<String, String> opcuaSample = new LinkedHashMap<>();
        new SimulationRun(oneDay, memory, new org.ecovalue.simulator.run.OpcUaSink() {
            @Override
            public void update(String station, Instant sourceTime, List<org.ecovalue.schemas.observation.Reading> readings) {
                opcuaSample.putIfAbsent("opcua", "Objects/Stations/" + station + "/{" + String.join(",",
                        readings.stream().map(r -> r.param() + "=" + r.value() + " " + r.unit()).toList())
                        + "} SourceTimestamp=" + sourceTime);
            }

            @Override
            public void stopServer() {
            }

            @Override
            public void startServer() {
            }
        }, RunOptions.asFastAsPossible()).run();
        Map<String, Delivery> samples = new LinkedHashMap<>();
        for (Delivery d : memory.deliveries()) {
            String kind = d.topic().endsWith("/hj212")
                    ? "mqtt-hj212 CN=" + new String(d.payload(), StandardCharsets.US_ASCII).replaceAll(".*;CN=(\\d+);.*\\s*", "$1")
                    : "mqtt-json";
            samples.putIfAbsent(kind, d);
        }
        samples.forEach((kind, d) -> out.printf("%s  %s%n  %s%n", kind, d.topic(),
                new String(d.payload(), StandardCharsets.UTF_8).strip()));
        opcuaSample.forEach((kind, text) -> out.printf("%s%n  %s%n", kind, text));
    }
}
