package org.ecovalue.ingest.opcua;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One OPC UA endpoint ingest subscribes to.
 *
 * @param name            the name in {@code opcua.endpoints} (logs, metrics, health)
 * @param url             {@code opc.tcp://host:port/path}
 * @param station         the station the server publishes under {@code Objects/Stations/{station}}
 * @param securityPolicy  {@code None} or {@code Basic256Sha256}
 * @param username        null for anonymous
 * @param nodes           explicit node id → parameter mapping; empty = browse the convention
 * @param samplingInterval requested sampling interval of each monitored item
 * @param queueSize       server-side queue size of each monitored item
 * @param watchdogSilence connected but no data for this long → re-subscribe
 * @param backoffMax      upper bound of the reconnect backoff
 * @param pkiDir          client certificate and trusted server certificates (secure policies);
 *                        layout in {@link org.ecovalue.embedded.opcua.OpcUaPki}
 * @param pkiPassword     protects the client's private key in {@code pkiDir/own/application.pfx}
 */
public record OpcUaEndpointConfig(String name, String url, String station, String securityPolicy, String username,
                                  String password, Map<String, NodeMapping> nodes, Duration samplingInterval,
                                  int queueSize, Duration watchdogSilence, Duration backoffMax, Path pkiDir,
                                  String pkiPassword) {

    /** A node and the parameter (and unit, when the server has no EngineeringUnits) it carries. */
    public record NodeMapping(String nodeId, String param, String unit) {
        public NodeMapping {
            Objects.requireNonNull(nodeId, "nodeId");
            Objects.requireNonNull(param, "param");
        }
    }

    public static final String NONE = "None";
    public static final String BASIC256SHA256 = "Basic256Sha256";

    public OpcUaEndpointConfig {
        Objects.requireNonNull(name, "name");
        if (url == null || !url.startsWith("opc.tcp://")) {
            throw new IllegalArgumentException("opcua." + name + ".url must be opc.tcp://…, got " + url);
        }
        if (station == null || station.isBlank()) {
            throw new IllegalArgumentException("opcua." + name + ".station must be set");
        }
        if (!NONE.equals(securityPolicy) && !BASIC256SHA256.equals(securityPolicy)) {
            throw new IllegalArgumentException("opcua." + name + ".security-policy must be None or Basic256Sha256");
        }
        if (password != null && username == null) {
            throw new IllegalArgumentException("opcua." + name + ".password without username");
        }
        if (BASIC256SHA256.equals(securityPolicy) && (pkiDir == null || pkiPassword == null)) {
            throw new IllegalArgumentException("opcua." + name + ": Basic256Sha256 needs opcua.pki-dir and opcua.pki-password");
        }
        nodes = Map.copyOf(nodes);
        if (samplingInterval.isNegative() || queueSize < 1) {
            throw new IllegalArgumentException("opcua sampling interval must be ≥ 0 and queue size ≥ 1");
        }
        if (watchdogSilence.isNegative() || watchdogSilence.isZero() || backoffMax.isNegative() || backoffMax.isZero()) {
            throw new IllegalArgumentException("opcua watchdog silence and backoff max must be positive");
        }
    }

    /** Security None, anonymous, browse the convention: what tests and the local stack use. */
    public static OpcUaEndpointConfig anonymous(String name, String url, String station, Duration samplingInterval,
            Duration watchdogSilence, Duration backoffMax) {
        return new OpcUaEndpointConfig(name, url, station, NONE, null, null, Map.of(), samplingInterval, 10,
                watchdogSilence, backoffMax, null, null);
    }

    /** Basic256Sha256 (SignAndEncrypt) instead of None. */
    public boolean secure() {
        return BASIC256SHA256.equals(securityPolicy);
    }

    @Override
    public String toString() {
        return "OpcUaEndpointConfig[name=" + name + ", url=" + url + ", station=" + station + ", security="
                + securityPolicy + ", user=" + username + "]";
    }
}
