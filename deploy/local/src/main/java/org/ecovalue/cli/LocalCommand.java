package org.ecovalue.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ecovalue.local.LocalStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ecovalue local}: the whole pipeline in this JVM, until Ctrl-C or {@code --duration}. */
@Command(name = "local",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Runs the whole pipeline in one JVM and prints live water classes.",
                "%nStarts an MQTT broker, a Kafka broker (KRaft), ingest, the Flink job on a local MiniCluster "
                        + "and simulated water stations, prints where each listens, then a line per station "
                        + "whenever its GB 3838-2002 real-time class changes. Ctrl-C stops it cleanly.%n"},
        sortOptions = false)
public final class LocalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "var",
            description = "Where the brokers keep their data and Flink its checkpoints (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--mqtt-port", paramLabel = "PORT", defaultValue = "1883",
            description = "MQTT broker port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int mqttPort;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Kafka port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop cleanly after this long (e.g. 90s, 5m, PT1H); default: run until Ctrl-C.")
    Duration duration;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "3s",
            description = "Time between two observations of one simulated station (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "5s",
            description = "Flink checkpoint interval; results become visible when committed (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the simulated values (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--status-every", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "60s", description = "Print a status line this often (default: ${DEFAULT-VALUE}).")
    Duration statusEvery;

    @Option(names = "--influx", paramLabel = "URL", defaultValue = "${env:ECOVALUE_INFLUX_URL:-}",
            description = "InfluxDB 1.x (v1 API) for history, e.g. http://127.0.0.1:8086: the pipeline writes readings "
                    + "and inventory there, the dashboard's history charts read them (env ECOVALUE_INFLUX_URL; "
                    + "default: none).")
    String influx;

    @Override
    public Integer call() throws Exception {
        checkPort("--mqtt-port", mqttPort);
        checkPort("--kafka-port", kafkaPort);
        // UTF-8 whatever the locale: station names are Chinese
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        LocalStack stack = new LocalStack(new LocalStack.Settings(dataDir, mqttPort, kafkaPort, interval,
                checkpointInterval, seed, statusEvery), out).withInflux(influx);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            out.println("Stopping …");
            stack.close();
            stopped.countDown();
        }, "ecovalue-local-shutdown");
        try {
            stack.start();
        } catch (LocalStack.PortInUseException e) {
            spec.commandLine().getErr().println("ecovalue local: " + e.getMessage());
            return EcoValueCommand.FAILED_CHECK;
        } catch (Exception e) {
            spec.commandLine().getErr().println("ecovalue local: could not start: " + e);
            return EcoValueCommand.FAILED_CHECK;
        }
        Runtime.getRuntime().addShutdownHook(hook);
        if (duration == null) {
            stopped.await();
            return EcoValueCommand.OK;
        }
        if (stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS)) {
            return EcoValueCommand.OK;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            stopped.await(); // Ctrl-C came at the same moment: the hook is stopping the stack
            return EcoValueCommand.OK;
        }
        out.println("Stopping after " + duration + " …");
        stack.close();
        out.println("Stopped.");
        return EcoValueCommand.OK;
    }

    private void checkPort(String option, int port) {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), option + " must be 0..65535, got " + port);
        }
    }
}
