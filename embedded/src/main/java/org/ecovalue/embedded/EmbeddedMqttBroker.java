package org.ecovalue.embedded;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT 5 broker (HiveMQ Community Edition, embedded) on {@code 127.0.0.1:port}, with its
 * configuration, sessions and queued messages under {@code dataDir}. Port 0 picks a free port.
 */
public final class EmbeddedMqttBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMqttBroker.class);
    private static final String BIND_ADDRESS = "127.0.0.1";

    private final Path dataDir;
    private final int requestedPort;
    private EmbeddedHiveMQ hivemq;
    private int port;

    public EmbeddedMqttBroker(Path dataDir, int port) {
        this.dataDir = dataDir.toAbsolutePath();
        this.requestedPort = port;
    }

    public EmbeddedMqttBroker start() throws Exception {
        port = requestedPort != 0 ? requestedPort : freePort();
        Path conf = Files.createDirectories(dataDir.resolve("conf"));
        Path data = Files.createDirectories(dataDir.resolve("data"));
        Path extensions = Files.createDirectories(dataDir.resolve("extensions"));
        Files.writeString(conf.resolve("config.xml"), config(port), StandardCharsets.UTF_8);
        hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(data)
                .withExtensionsFolder(extensions)
                .withoutLoggingBootstrap()
                .build();
        try {
            hivemq.start().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            EmbeddedHiveMQ failed = hivemq;
            hivemq = null;
            try {
                failed.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw new IllegalStateException("MQTT broker did not start on " + serverUri() + ": " + e.getMessage(), e);
        }
        LOG.info("event=mqtt-broker-started uri={} dataDir={}", serverUri(), dataDir);
        return this;
    }

    public String serverUri() {
        return "tcp://" + BIND_ADDRESS + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Per-client queue of QoS 1 messages not yet delivered (see config()). */
    static final long MAX_QUEUED_MESSAGES_PER_CLIENT = 5_000_000;

    private static String config(int port) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <!-- HiveMQ's default keeps at most 1,000 messages per client and silently discards the
                             rest: a subscriber that falls behind (ingest waiting for Kafka, a test under load)
                             would lose acknowledged readings. Queue far more, on disk (file persistence). -->
                        <queued-messages>
                            <max-queue-size>%d</max-queue-size>
                            <strategy>discard</strategy>
                        </queued-messages>
                    </mqtt>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, BIND_ADDRESS, MAX_QUEUED_MESSAGES_PER_CLIENT);
    }

    /** A port free at this moment (another process could take it before the broker binds; rare locally). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(BIND_ADDRESS))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        if (hivemq != null) {
            hivemq.stop().get(30, TimeUnit.SECONDS);
            hivemq.close();
            hivemq = null;
            LOG.info("event=mqtt-broker-stopped");
        }
    }
}
