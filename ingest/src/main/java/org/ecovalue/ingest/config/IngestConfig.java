package org.ecovalue.ingest.config;

import static org.ecovalue.ingest.config.IngestOptions.*;

import java.io.IOException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.ecovalue.ingest.StationDirectory.UnknownStationPolicy;
import org.ecovalue.ingest.mqtt.MqttIngestConfig;
import org.ecovalue.ingest.opcua.OpcUaEndpointConfig;

/**
 * The validated configuration of {@code ecovalue ingest}: a properties file, overridden by
 * environment variables ({@link IngestOption#env()}), defaults from {@link IngestOptions}.
 * Everything is checked here, before anything starts; every problem is reported at once.
 */
public record IngestConfig(String kafkaBootstrap, String kafkaClientId, int queueCapacity, int maxPayloadBytes,
                           Path registryFile, RegistrySource registrySource, UnknownStationPolicy unknownStations, ZoneId hj212Zone,
                           Duration hj212SplitTimeout,
                           String httpHost, int httpPort, Optional<MqttIngestConfig> mqtt,
                           List<OpcUaEndpointConfig> opcua) {

    /** Where the known stations come from ({@code registry.source}). */
    public enum RegistrySource { FILE, TOPIC, NONE }

    public IngestConfig {
        opcua = List.copyOf(opcua);
    }

    /** Thrown with every problem found, one per line. */
    public static final class InvalidConfigException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidConfigException(List<String> problems) {
            super("invalid ingest configuration:\n  " + String.join("\n  ", problems));
        }
    }

    public static IngestConfig load(Path file, Map<String, String> env) throws InvalidConfigException {
        Properties p = new Properties();
        if (file != null) {
            try (java.io.Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new InvalidConfigException(List.of("cannot read " + file + ": " + e.getMessage()));
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k).trim()));
        return from(values, env);
    }

    /** From file values and the environment (environment wins). */
    public static IngestConfig from(Map<String, String> file, Map<String, String> env) throws InvalidConfigException {
        Values r = new Values(file, env);
        List<String> problems = r.problems;
        r.unknownKeys();
        String bootstrap = r.text(KAFKA_BOOTSTRAP);
        String clientId = r.text(KAFKA_CLIENT_ID);
        int capacity = r.integer(QUEUE_CAPACITY, 1, 1_000_000);
        int maxPayload = r.integer(MAX_PAYLOAD, 1, 16 * 1024 * 1024);
        Path registry = Optional.ofNullable(r.text(REGISTRY_FILE)).map(Path::of).orElse(null);
        if (registry != null && !Files.isReadable(registry)) {
            problems.add(REGISTRY_FILE.key() + ": cannot read " + registry);
        }
        String sourceText = r.text(REGISTRY_SOURCE);
        RegistrySource source = sourceText == null ? (registry == null ? RegistrySource.NONE : RegistrySource.FILE)
                : switch (sourceText) {
                    case "file" -> RegistrySource.FILE;
                    case "topic" -> RegistrySource.TOPIC;
                    case "none" -> RegistrySource.NONE;
                    default -> {
                        problems.add(REGISTRY_SOURCE.key() + ": must be file, topic or none");
                        yield RegistrySource.NONE;
                    }
                };
        if (source == RegistrySource.FILE && registry == null) {
            problems.add(REGISTRY_SOURCE.key() + ": file needs " + REGISTRY_FILE.key());
        }
        if (source != RegistrySource.FILE && registry != null) {
            problems.add(REGISTRY_FILE.key() + ": set, but " + REGISTRY_SOURCE.key() + " is "
                    + source.name().toLowerCase(java.util.Locale.ROOT) + " (the file would be ignored)");
        }
        UnknownStationPolicy policy = switch (String.valueOf(r.text(UNKNOWN_STATIONS))) {
            case "reject" -> UnknownStationPolicy.REJECT;
            case "accept-and-flag" -> UnknownStationPolicy.ACCEPT_AND_FLAG;
            default -> {
                problems.add(UNKNOWN_STATIONS.key() + ": must be reject or accept-and-flag");
                yield UnknownStationPolicy.REJECT;
            }
        };
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        try {
            zone = ZoneId.of(r.text(HJ212_ZONE));
        } catch (RuntimeException e) {
            problems.add(HJ212_ZONE.key() + ": " + e.getMessage());
        }
        Duration splitTimeout = r.duration(HJ212_SPLIT_TIMEOUT);
        if (splitTimeout.isNegative() || splitTimeout.isZero()) {
            problems.add(HJ212_SPLIT_TIMEOUT.key() + ": must be positive");
        }
        String httpHost = r.text(HTTP_HOST);
        int httpPort = r.integer(HTTP_PORT, 0, 65_535);

        Optional<MqttIngestConfig> mqtt = Optional.empty();
        if (r.bool(MQTT_ENABLED)) {
            try {
                String trust = r.text(MQTT_TRUST_STORE);
                mqtt = Optional.of(new MqttIngestConfig(r.text(MQTT_SERVER), r.text(MQTT_CLIENT_ID),
                        r.text(MQTT_SHARE_GROUP), r.text(MQTT_TOPIC_FILTER), r.duration(MQTT_SESSION_EXPIRY),
                        r.integer(MQTT_RECEIVE_MAXIMUM, 1, 65_535), r.text(MQTT_USERNAME), r.text(MQTT_PASSWORD),
                        trust == null ? null : Path.of(trust), r.text(MQTT_TRUST_STORE_PASSWORD), r.bool(MQTT_SHARED)));
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        List<OpcUaEndpointConfig> endpoints = new ArrayList<>();
        String names = r.text(OPCUA_ENDPOINTS);
        for (String name : names == null ? new String[0] : names.split(",")) {
            name = name.trim();
            if (name.isEmpty()) {
                continue;
            }
            try {
                endpoints.add(new OpcUaEndpointConfig(name, r.endpoint(OPCUA_URL, name), r.endpoint(OPCUA_STATION, name),
                        Optional.ofNullable(r.endpoint(OPCUA_SECURITY, name)).orElse(OPCUA_SECURITY.defaultValue()),
                        r.endpoint(OPCUA_USERNAME, name), r.endpoint(OPCUA_PASSWORD, name),
                        nodes(r.endpoint(OPCUA_NODES, name)), r.duration(OPCUA_SAMPLING),
                        r.integer(OPCUA_QUEUE_SIZE, 1, 10_000), r.duration(OPCUA_SILENCE), r.duration(OPCUA_BACKOFF_MAX),
                        Path.of(r.text(OPCUA_PKI_DIR)), r.text(OPCUA_PKI_PASSWORD)));
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        if (mqtt.isEmpty() && endpoints.isEmpty()) {
            problems.add("no source: enable mqtt.enabled or list opcua.endpoints");
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new IngestConfig(bootstrap, clientId, capacity, maxPayload, registry, source, policy, zone, splitTimeout,
                httpHost, httpPort,
                mqtt, endpoints);
    }

    /** {@code ns=2;s=QH-S03/nh3n=nh3n:mg/L;ns=2;i=7=flow} is ambiguous, so entries are separated by {@code |}. */
    private static Map<String, OpcUaEndpointConfig.NodeMapping> nodes(String spec) {
        Map<String, OpcUaEndpointConfig.NodeMapping> m = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return m;
        }
        for (String entry : spec.split("\\|")) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("opcua nodes entry '" + entry + "' is not nodeId=param[:unit]");
            }
            String nodeId = entry.substring(0, eq).trim();
            String[] pu = entry.substring(eq + 1).trim().split(":", 2);
            m.put(nodeId, new OpcUaEndpointConfig.NodeMapping(nodeId, pu[0], pu.length > 1 ? pu[1] : null));
        }
        return m;
    }

    private static final class Values {
        final Map<String, String> file;
        final Map<String, String> env;
        final List<String> problems = new ArrayList<>();

        Values(Map<String, String> file, Map<String, String> env) {
            this.file = file;
            this.env = env;
        }

        void unknownKeys() {
            Set<String> unknown = new TreeSet<>();
            for (String k : file.keySet()) {
                boolean known = ALL.stream().anyMatch(o -> o.key().equals(k)
                        || o.key().contains(".NAME.") && k.matches(o.key().replace(".", "\\.").replace("NAME", "[^.]+")));
                if (!known) {
                    unknown.add(k);
                }
            }
            unknown.forEach(k -> problems.add(k + ": unknown option (see ecovalue ingest --help)"));
        }

        String raw(String key, String envName, String dflt) {
            String v = env.get(envName);
            if (v == null) {
                v = file.get(key);
            }
            return v == null || v.isEmpty() ? dflt : v;
        }

        String text(IngestOption o) {
            String v = raw(o.key(), o.env(), o.defaultValue());
            if (v == null && o.required()) {
                problems.add(o.key() + ": required");
            }
            return v;
        }

        String endpoint(IngestOption o, String name) {
            String key = o.key().replace("NAME", name);
            return raw(key, new IngestOption(key, o.type(), null, false, o.description()).env(), null);
        }

        int integer(IngestOption o, int min, int max) {
            String v = text(o);
            try {
                int i = Integer.parseInt(v);
                if (i < min || i > max) {
                    problems.add(o.key() + ": " + i + " is outside " + min + ".." + max);
                }
                return i;
            } catch (NumberFormatException e) {
                problems.add(o.key() + ": '" + v + "' is not an integer");
                return min;
            }
        }

        boolean bool(IngestOption o) {
            String v = text(o);
            if (!"true".equals(v) && !"false".equals(v)) {
                problems.add(o.key() + ": '" + v + "' is not true or false");
            }
            return "true".equals(v);
        }

        Duration duration(IngestOption o) {
            String v = text(o);
            try {
                return Duration.parse(v);
            } catch (RuntimeException e) {
                problems.add(o.key() + ": '" + v + "' is not an ISO-8601 duration (e.g. PT30S)");
                return Duration.ofSeconds(1);
            }
        }
    }
}
