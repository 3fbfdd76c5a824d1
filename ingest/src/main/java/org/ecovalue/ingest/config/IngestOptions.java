package org.ecovalue.ingest.config;

import java.util.List;

/** Every option of {@code ecovalue ingest}, with its default beside it (the one declaration). */
public final class IngestOptions {

    public static final IngestOption KAFKA_BOOTSTRAP = new IngestOption("kafka.bootstrap-servers", "host:port,…",
            "127.0.0.1:9092", false, "Kafka brokers for eco.observations and eco.ingest.dlq");
    public static final IngestOption KAFKA_CLIENT_ID = new IngestOption("kafka.client-id", "string",
            "ecovalue-ingest-1", false, "Kafka producer client id");
    public static final IngestOption QUEUE_CAPACITY = new IngestOption("queue.capacity", "int 1..1000000",
            "1000", false, "records waiting for Kafka before sources block (backpressure)");
    public static final IngestOption MAX_PAYLOAD = new IngestOption("max-payload-bytes", "int",
            "65536", false, "larger payloads go to the DLQ as oversize-payload (their first 16 KiB kept)");
    public static final IngestOption REGISTRY_FILE = new IngestOption("registry.file", "path", null, false,
            "registry YAML (deploy/config/*.yaml) with the known stations, read at start (registry.source file)");
    public static final IngestOption REGISTRY_SOURCE = new IngestOption("registry.source", "file|topic|none", null,
            false, "where the known stations come from: registry.file read at start, or the eco.registry topic "
                    + "followed while running (stations published there are accepted without a restart; /health "
                    + "is not ready until the topic is read to its end), or none (every station accepted); "
                    + "unset = file when registry.file is set, else none");
    public static final IngestOption UNKNOWN_STATIONS = new IngestOption("registry.unknown-stations",
            "reject|accept-and-flag", "reject", false,
            "observations of stations not in the registry: DLQ unknown-station, or published and counted");
    public static final IngestOption HJ212_ZONE = new IngestOption("hj212.zone", "zone id", "Asia/Shanghai", false,
            "time zone of HJ 212 DataTime (HJ 212-2017 §6.3.2: local time)");
    public static final IngestOption HJ212_SPLIT_TIMEOUT = new IngestOption("hj212.split-timeout", "ISO-8601 duration",
            "PT5M", false, "parts of a split HJ 212 packet (PNUM/PNO) wait this long for the rest, unacknowledged; "
                    + "then they go to the DLQ as incomplete-split");
    public static final IngestOption HTTP_PORT = new IngestOption("http.port", "int 0..65535", "9464", false,
            "port of /metrics (Prometheus) and /health; 0 = any free port");
    public static final IngestOption HTTP_HOST = new IngestOption("http.host", "address", "0.0.0.0", false,
            "address /metrics and /health listen on");

    public static final IngestOption MQTT_ENABLED = new IngestOption("mqtt.enabled", "boolean", "true", false,
            "subscribe to the MQTT broker");
    public static final IngestOption MQTT_SERVER = new IngestOption("mqtt.server-uri", "tcp://…|ssl://…",
            "tcp://127.0.0.1:1883", false, "MQTT 5 broker");
    public static final IngestOption MQTT_CLIENT_ID = new IngestOption("mqtt.client-id", "string",
            "ecovalue-ingest-1", true, "stable client id of the persistent session; one per ingest instance");
    public static final IngestOption MQTT_SHARE_GROUP = new IngestOption("mqtt.share-group", "string",
            "ecovalue-ingest", false, "shared subscription group: instances in one group share the load");
    public static final IngestOption MQTT_SHARED = new IngestOption("mqtt.shared-subscription", "boolean", "true",
            false, "subscribe as a member of mqtt.share-group; false on Mosquitto with one instance (see docs)");
    public static final IngestOption MQTT_TOPIC_FILTER = new IngestOption("mqtt.topic-filter", "MQTT filter",
            "ecovalue/v1/+/+", false, "topics to receive (ecovalue/v1/{station}/obs|hj212)");
    public static final IngestOption MQTT_SESSION_EXPIRY = new IngestOption("mqtt.session-expiry", "ISO-8601 duration",
            "PT24H", false, "how long the broker keeps the session and its backlog while ingest is away");
    public static final IngestOption MQTT_RECEIVE_MAXIMUM = new IngestOption("mqtt.receive-maximum", "int 1..65535",
            "500", false, "unacknowledged QoS 1 messages the broker may have in flight to this instance");
    public static final IngestOption MQTT_USERNAME = new IngestOption("mqtt.username", "string", null, false,
            "user name for the broker (unset = anonymous)");
    public static final IngestOption MQTT_PASSWORD = new IngestOption("mqtt.password", "secret", null, false,
            "password for the broker; prefer the environment variable");
    public static final IngestOption MQTT_TRUST_STORE = new IngestOption("mqtt.tls.trust-store",
            "path (PEM/DER CA file, or .p12/.pfx)", null, false,
            "the only certificates trusted for an ssl:// broker: the CA file of Mosquitto's cafile, or a PKCS#12 "
                    + "trust store (unset = the JVM's default trust)");
    public static final IngestOption MQTT_TRUST_STORE_PASSWORD = new IngestOption("mqtt.tls.trust-store-password",
            "secret", null, false, "password of a PKCS#12 trust store");

    public static final IngestOption OPCUA_ENDPOINTS = new IngestOption("opcua.endpoints", "name,…", "", false,
            "OPC UA endpoints to subscribe to; each NAME is configured by opcua.NAME.* below");
    public static final IngestOption OPCUA_URL = new IngestOption("opcua.NAME.url", "opc.tcp://…", null, false,
            "endpoint URL of the station's OPC UA server");
    public static final IngestOption OPCUA_STATION = new IngestOption("opcua.NAME.station", "station id", null, false,
            "the station this endpoint serves (Objects/Stations/{station}/{param})");
    public static final IngestOption OPCUA_SECURITY = new IngestOption("opcua.NAME.security-policy",
            "None|Basic256Sha256", "None", false,
            "security policy; Basic256Sha256 = sign and encrypt with the client certificate of opcua.pki-dir");
    public static final IngestOption OPCUA_USERNAME = new IngestOption("opcua.NAME.username", "string", null, false,
            "user name identity (unset = anonymous)");
    public static final IngestOption OPCUA_PASSWORD = new IngestOption("opcua.NAME.password", "secret", null, false,
            "password of the user name identity");
    public static final IngestOption OPCUA_NODES = new IngestOption("opcua.NAME.nodes", "nodeId=param[:unit];…", null,
            false, "explicit node → parameter mapping; unset = browse Objects/Stations/{station}");
    public static final IngestOption OPCUA_SAMPLING = new IngestOption("opcua.sampling-interval", "ISO-8601 duration",
            "PT1S", false, "sampling interval requested for every monitored item");
    public static final IngestOption OPCUA_QUEUE_SIZE = new IngestOption("opcua.queue-size", "int", "10", false,
            "server-side queue size per monitored item (value changes kept between publishes)");
    public static final IngestOption OPCUA_SILENCE = new IngestOption("opcua.watchdog-silence", "ISO-8601 duration",
            "PT30S", false, "connected but no value change for this long: re-subscribe");
    public static final IngestOption OPCUA_BACKOFF_MAX = new IngestOption("opcua.reconnect-backoff-max",
            "ISO-8601 duration", "PT30S", false, "upper bound of the exponential reconnect backoff (starts at 500 ms)");
    public static final IngestOption OPCUA_PKI_DIR = new IngestOption("opcua.pki-dir", "path", "./data/opcua-pki", false,
            "client certificate (own/, created on first start) and trusted server certificates (trusted/certs)");
    public static final IngestOption OPCUA_PKI_PASSWORD = new IngestOption("opcua.pki-password", "secret", "ecovalue",
            false, "password of own/application.pfx (the client's private key); set it through the environment");

    public static final List<IngestOption> ALL = List.of(KAFKA_BOOTSTRAP, KAFKA_CLIENT_ID, QUEUE_CAPACITY, MAX_PAYLOAD,
            REGISTRY_FILE, REGISTRY_SOURCE, UNKNOWN_STATIONS, HJ212_ZONE, HJ212_SPLIT_TIMEOUT, HTTP_PORT, HTTP_HOST,
            MQTT_ENABLED, MQTT_SERVER, MQTT_CLIENT_ID, MQTT_SHARE_GROUP, MQTT_SHARED, MQTT_TOPIC_FILTER, MQTT_SESSION_EXPIRY,
            MQTT_RECEIVE_MAXIMUM, MQTT_USERNAME, MQTT_PASSWORD, MQTT_TRUST_STORE, MQTT_TRUST_STORE_PASSWORD,
            OPCUA_ENDPOINTS, OPCUA_URL, OPCUA_STATION, OPCUA_SECURITY, OPCUA_USERNAME, OPCUA_PASSWORD, OPCUA_NODES,
            OPCUA_SAMPLING, OPCUA_QUEUE_SIZE, OPCUA_SILENCE, OPCUA_BACKOFF_MAX, OPCUA_PKI_DIR, OPCUA_PKI_PASSWORD);

    private IngestOptions() {
    }

    /** The reference table of docs/ingest.md and of {@code --help}. */
    public static String markdownTable() {
        StringBuilder b = new StringBuilder("| key | environment variable | type | default | description |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (IngestOption o : ALL) {
            b.append("| `").append(o.key()).append("` | `").append(o.env()).append("` | ").append(o.type()).append(" | ")
                    .append(o.defaultValue() == null ? "—" : o.defaultValue().isEmpty() ? "(empty)" : "`" + o.defaultValue() + "`")
                    .append(" | ").append(o.description()).append(" |\n");
        }
        return b.toString();
    }
}
