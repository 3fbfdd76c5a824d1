package org.ecovalue.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;
import org.ecovalue.embedded.EmbeddedKafka;
import org.ecovalue.embedded.ServerProcess;

/**
 * A Kafka broker in its own JVM, run by Kafka's own entry points as {@code kafka-server-start.sh} would
 * (PLATFORM.md): {@code kafka.tools.StorageTool format}, then {@code kafka.Kafka server.properties}. One
 * KRaft node, broker and controller combined, with the single-node settings of {@link EmbeddedKafka}.
 */
final class KafkaBrokerProcess extends ServerProcess {

    private static final Duration FORMAT_TIMEOUT = Duration.ofMinutes(2);

    private final String classPath;
    private final int port = freePort();
    private final int controllerPort = freePort();

    /** {@code classPath}: Kafka's server jars (kafka_2.13, kafka-server) and a logging binding. */
    KafkaBrokerProcess(Path dir, String classPath) {
        super(dir);
        this.classPath = classPath;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    protected String name() {
        return "kafka";
    }

    @Override
    protected int readinessPort() {
        return port;
    }

    @Override
    protected Duration startTimeout() {
        return Duration.ofMinutes(2);
    }

    @Override
    protected List<String> command() throws IOException {
        Path properties = dir.resolve("server.properties");
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data").toAbsolutePath()));
        EmbeddedKafka.SINGLE_NODE_SETTINGS.forEach((k, v) -> lines.add(k + "=" + v));
        Files.write(properties, lines, StandardCharsets.UTF_8);
        List<String> jvm = List.of("-Xmx512m", "-Xms128m");
        try {
            JavaCommand.runToCompletion("kafka-storage format", JavaCommand.of(dir.resolve("kafka.classpath"),
                    classPath, jvm, "kafka.tools.StorageTool",
                    List.of("format", "-t", Uuid.randomUuid().toString(), "-c", properties.toString())),
                    Map.of(), logFile(), FORMAT_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while formatting the broker's storage", e);
        }
        return JavaCommand.of(dir.resolve("kafka.classpath"), classPath, jvm, "kafka.Kafka",
                List.of(properties.toString()));
    }
}
