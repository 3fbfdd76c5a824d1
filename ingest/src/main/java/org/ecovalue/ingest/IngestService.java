package org.ecovalue.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecovalue.ingest.config.IngestConfig;
import org.ecovalue.ingest.config.IngestConfig.RegistrySource;
import org.ecovalue.ingest.registry.RegistryFollower;
import org.ecovalue.ingest.mqtt.MqttIngest;
import org.ecovalue.ingest.operations.IngestMetrics;
import org.ecovalue.ingest.operations.OperationsServer;
import org.ecovalue.ingest.opcua.OpcUaIngest;
import org.ecovalue.schemas.hj212.Hj212Decoder;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.RegistryLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: one Kafka publisher, the MQTT source and one OPC UA source per endpoint
 * feeding it through {@link IngestPipeline}, and /metrics + /health. {@link #close()} is the
 * graceful shutdown: sources stop taking new messages, the queue drains, what Kafka acknowledged is
 * acknowledged upstream; {@link #abort()} is a crash (for tests of loss).
 */
public final class IngestService implements AutoCloseable {

    /** Readiness tolerates this long without a Kafka acknowledgement while records wait. */
    private static final long KAFKA_STALL_MS = 15_000;
    /** {@code ecovalue dlq replay} reads eco.registry to its end within this time. */
    private static final Duration REGISTRY_READ_TIMEOUT = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final IngestConfig config;
    private final IngestPipeline pipeline;
    private final KafkaPublisher publisher;
    private final RegistryFollower registry;
    private MqttIngest mqtt;
    private final List<OpcUaIngest> opcua = new ArrayList<>();
    private OperationsServer operations;

    private IngestService(IngestConfig config, IngestPipeline pipeline, RegistryFollower registry) {
        this.config = config;
        this.pipeline = pipeline;
        this.registry = registry;
        this.publisher = pipeline.publisher();
    }

    /** Builds everything from the configuration; nothing connects before {@link #start()}. */
    public static IngestService create(IngestConfig config) throws Exception {
        if (config.registrySource() == RegistrySource.TOPIC) {
            IngestMetrics metrics = new IngestMetrics(Clock.systemUTC());
            RegistryFollower follower = new RegistryFollower(config.kafkaBootstrap(), config.kafkaClientId(), metrics);
            return create(config, follower.stations(config.unknownStations()), metrics, follower);
        }
        return create(config, stations(config));
    }

    /**
     * The intake this configuration builds (also used by {@code ecovalue dlq replay}); with
     * {@code registry.source=topic}, the stations on {@code eco.registry} now.
     */
    public static ObservationIntake intake(IngestConfig config) throws Exception {
        if (config.registrySource() == RegistrySource.TOPIC) {
            Registry now = RegistryFollower.readToEnd(config.kafkaBootstrap(), config.kafkaClientId(),
                    new IngestMetrics(Clock.systemUTC()), REGISTRY_READ_TIMEOUT);
            return intake(config, StationDirectory.of(now, config.unknownStations()));
        }
        return intake(config, stations(config));
    }

    private static StationDirectory stations(IngestConfig config) throws Exception {
        return config.registrySource() == RegistrySource.FILE
                ? StationDirectory.of(loadRegistry(config), config.unknownStations()) : StationDirectory.acceptAll();
    }

    private static ObservationIntake intake(IngestConfig config, StationDirectory stations) {
        return new ObservationIntake(new Hj212Decoder(config.hj212Zone(), Hj212Decoder.Mode.STRICT), stations,
                config.maxPayloadBytes());
    }

    /** With the known stations given (tests, or a registry kept current from {@code eco.registry}). */
    public static IngestService create(IngestConfig config, StationDirectory stations) {
        return create(config, stations, new IngestMetrics(Clock.systemUTC()), null);
    }

    private static IngestService create(IngestConfig config, StationDirectory stations, IngestMetrics metrics,
                                        RegistryFollower registry) {
        ObservationIntake intake = intake(config, stations);
        KafkaPublisher publisher = new KafkaPublisher(
                KafkaPublisher.producerConfig(config.kafkaBootstrap(), config.kafkaClientId()), config.queueCapacity());
        return new IngestService(config, new IngestPipeline(intake, publisher, metrics, config.hj212SplitTimeout()),
                registry);
    }

    private static Registry loadRegistry(IngestConfig config) throws Exception {
        Registry r = RegistryLoader.load(config.registryFile());
        LOG.info("event=registry-loaded file={} stations={}", config.registryFile(), r.stations().size());
        return r;
    }

    public IngestService start() throws Exception {
        operations = new OperationsServer(config.httpHost(), config.httpPort(), pipeline.metrics(), this::readiness);
        if (registry != null) {
            // sources start once the registry is complete, so no station is rejected for having been read late
            registry.start();
            LOG.info("event=registry-waiting topic=eco.registry (sources start once it is read to its end)");
            registry.awaitCaughtUp(Duration.ofDays(365)); // i.e. until read, or until the follower is closed
        }
        for (var endpoint : config.opcua()) {
            OpcUaIngest source = new OpcUaIngest(endpoint, pipeline);
            opcua.add(source);
            source.start();
        }
        if (config.mqtt().isPresent()) {
            mqtt = new MqttIngest(config.mqtt().get(), pipeline);
            mqtt.start();
        }
        LOG.info("event=ingest-started mqtt={} opcuaEndpoints={} http={}", config.mqtt().map(Object::toString).orElse("off"),
                opcua.size(), operations.port());
        return this;
    }

    /** The dependencies /health reports, each up or down. */
    public Map<String, Boolean> readiness() {
        Map<String, Boolean> checks = readiness(publisher, config.mqtt().isPresent(), mqtt, opcua);
        if (registry != null) {
            checks.put("registry", registry.isCaughtUp());
        }
        return checks;
    }

    /** The follower of {@code eco.registry} ({@code registry.source=topic}), else null. */
    public RegistryFollower registry() {
        return registry;
    }

    /**
     * Readiness of any assembly of the ingest parts (this service, or {@code ecovalue local}'s):
     * Kafka acknowledging, the MQTT client connected (when MQTT is expected; a client that failed to
     * start counts as down), each OPC UA endpoint subscribed.
     */
    public static Map<String, Boolean> readiness(KafkaPublisher publisher, boolean mqttExpected, MqttIngest mqtt,
                                                 List<OpcUaIngest> opcua) {
        Map<String, Boolean> checks = new LinkedHashMap<>();
        checks.put("kafka", publisher.isHealthy(KAFKA_STALL_MS));
        if (mqttExpected) {
            checks.put("mqtt", mqtt != null && mqtt.isConnected());
        }
        for (OpcUaIngest o : opcua) {
            checks.put("opcua:" + o.name(), o.isSubscribed());
        }
        return checks;
    }

    /** True once Kafka failed with a non-retriable error: the service must stop (and be restarted). */
    public boolean hasFailed() {
        return publisher.stats().failed();
    }

    public IngestPipeline pipeline() {
        return pipeline;
    }

    public int httpPort() {
        return operations.port();
    }

    public List<OpcUaIngest> opcua() {
        return List.copyOf(opcua);
    }

    public MqttIngest mqtt() {
        return mqtt;
    }

    public IngestConfig config() {
        return config;
    }

    @Override
    public void close() throws Exception {
        LOG.info("event=ingest-stopping queued={}", publisher.queued());
        for (OpcUaIngest o : opcua) {
            o.close();
        }
        // MQTT first waits for the acks of what it handed over, then disconnects; then the publisher
        // flushes what is left (unacknowledged upstream: redelivered next time, a duplicate at worst)
        if (mqtt != null) {
            mqtt.close();
        }
        pipeline.close();
        publisher.close();
        if (registry != null) {
            registry.close();
        }
        if (operations != null) {
            operations.close();
        }
        LOG.info("event=ingest-stopped observations={} dlq={}", publisher.stats().observations(),
                publisher.stats().deadLetters());
    }

    /** A crash: no draining, no acknowledgement. */
    public void abort() {
        for (OpcUaIngest o : opcua) {
            o.close();
        }
        if (mqtt != null) {
            mqtt.abort();
        }
        pipeline.close();
        publisher.abort();
        if (registry != null) {
            registry.close();
        }
        if (operations != null) {
            operations.close();
        }
    }
}
