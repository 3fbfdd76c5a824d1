package org.ecovalue.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.ecovalue.schemas.topics.EcoTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real Kafka broker (KRaft, broker and controller combined in one node) running in this JVM,
 * with its data under {@code dataDir} so that topics and offsets survive a restart.
 *
 * <p>Built on Kafka's own {@link KafkaClusterTestKit}. Clients connect on a listener named
 * {@code LOCAL} bound to {@code 127.0.0.1:port} (0 = a free port); the test kit's own listeners
 * (inter-broker, controller) stay on ports it picks.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** Broker settings for a single node (PLATFORM.md): without them consumer groups and transactions hang. */
    public static final Map<String, String> SINGLE_NODE_SETTINGS = Map.of(
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "5",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "transaction.state.log.num.partitions", "5",
            "group.initial.rebalance.delay.ms", "0",
            "auto.create.topics.enable", "false",
            "log.retention.hours", "168");

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String CLIENT_LISTENER = "LOCAL";
    private static final String CLUSTER_ID_FILE = "cluster.id";

    private final Path dataDir;
    private final int requestedPort;
    private KafkaClusterTestKit cluster;
    private int port;

    public EmbeddedKafka(Path dataDir, int port) {
        this.dataDir = dataDir.toAbsolutePath();
        this.requestedPort = port;
    }

    public EmbeddedKafka start() throws Exception {
        Files.createDirectories(dataDir);
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setClusterId(clusterId())
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .setBaseDirectory(dataDir)
                .build();
        String internal = nodes.brokerListenerName().value();
        String controller = nodes.controllerListenerName().value();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes)
                .setDeleteOnClose(false)
                .setConfigProp("listeners", internal + "://localhost:0," + controller + "://localhost:0,"
                        + CLIENT_LISTENER + "://127.0.0.1:" + requestedPort)
                .setConfigProp("listener.security.protocol.map", internal + ":PLAINTEXT," + controller
                        + ":PLAINTEXT," + CLIENT_LISTENER + ":PLAINTEXT");
        SINGLE_NODE_SETTINGS.forEach(builder::setConfigProp);
        cluster = builder.build();
        boolean formatted = nodes.controllerNodes().values().stream()
                .allMatch(n -> Files.exists(Path.of(n.metadataDirectory(), "meta.properties")));
        if (!formatted) {
            format();
        }
        cluster.startup();
        cluster.waitForReadyBrokers();
        port = cluster.brokers().values().iterator().next().boundPort(ListenerName.normalised(CLIENT_LISTENER));
        LOG.info("event=kafka-started bootstrap={} dataDir={} formatted={}", bootstrapServers(), dataDir, !formatted);
        return this;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Creates the topics of DESIGN.md that do not exist yet (replication factor 1: one broker). */
    public void createTopics(Collection<EcoTopic> topics) throws ExecutionException, InterruptedException {
        createTopics(bootstrapServers(), topics);
    }

    /** Creates the topics of DESIGN.md that do not exist yet on a single-broker cluster (replication factor 1). */
    public static void createTopics(String bootstrapServers, Collection<EcoTopic> topics)
            throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t.topic()))
                    .map(t -> new NewTopic(t.topic(), t.defaultPartitions(), (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, t.cleanup().config())))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        }
    }

    /** Creates every topic of DESIGN.md that does not exist yet. */
    public void createAllTopics() throws ExecutionException, InterruptedException {
        createTopics(List.of(EcoTopic.values()));
    }

    /** Kafka's formatter reports on System.out; that belongs in the log, not in the command's output. */
    private void format() throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        System.setOut(new PrintStream(report, true, StandardCharsets.UTF_8));
        try {
            cluster.format();
        } finally {
            System.setOut(stdout);
        }
        LOG.info("event=kafka-formatted dataDir={} report=\"{}\"", dataDir,
                report.toString(StandardCharsets.UTF_8).trim().replace('\n', ' '));
    }

    /** The cluster id is kept beside the data: a formatted log directory only accepts its own cluster. */
    private String clusterId() throws IOException {
        Path file = dataDir.resolve(CLUSTER_ID_FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id, StandardCharsets.US_ASCII);
        return id;
    }

    @Override
    public void close() throws Exception {
        if (cluster != null) {
            cluster.close();
            cluster = null;
            LOG.info("event=kafka-stopped dataDir={}", dataDir);
        }
    }
}
