package org.ecovalue.ingest.opcua;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ecovalue.embedded.opcua.OpcUaPki;
import org.ecovalue.ingest.IngestPipeline;
import org.ecovalue.ingest.RawMessage;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.observation.Source;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OPC UA endpoint → the ingest pipeline. A supervisor thread owns the whole connection: connect,
 * resolve the nodes (configured mapping, or browse {@code Objects/Stations/{station}/{param}} and read
 * each variable's {@code EngineeringUnits}), subscribe, then watch. Any trouble — session inactive
 * (server restart, network), subscription status bad ({@code Bad_NoSubscription}, timeout), transfer
 * failed, subscription watchdog, or "connected but silent" for {@code watchdogSilence} — tears the
 * client down and starts again after a bounded exponential backoff, so the subscription and its
 * items are always recreated from scratch on a fresh session.
 *
 * <p>Each value change becomes one JSON observation (event time = SourceTimestamp; a bad StatusCode
 * = flag {@code D}, DESIGN "OPC UA") and goes through the same intake as MQTT, so units are
 * converted and bad values rejected to the DLQ with the same reasons. Delivery blocks while the
 * publisher's queue is full, which holds Milo's notification thread: the server queues (up to
 * {@code queueSize} per item) instead of ingest's memory growing.
 */
public final class OpcUaIngest implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaIngest.class);
    private static final Duration BACKOFF_START = Duration.ofMillis(500);
    private static final Duration WATCH_TICK = Duration.ofMillis(250);
    /** In the client certificate's subjectAltName; stable, since the certificate is made once per PKI folder. */
    static final String APPLICATION_URI = "urn:ecovalue:ingest";
    private static final Object PKI_CREATION = new Object();

    private final OpcUaEndpointConfig config;
    private final IngestPipeline pipeline;
    private final Object signal = new Object();
    private final Thread supervisor;
    private volatile boolean running = true;
    private volatile boolean subscribed;
    private volatile String trouble;
    private volatile long lastDataAt;
    private volatile long resubscriptions;
    private volatile ConnectFailure lastFailure;
    private OpcUaPki pki;
    private volatile UaException refusedServerCertificate;

    public OpcUaIngest(OpcUaEndpointConfig config, IngestPipeline pipeline) {
        this.config = Objects.requireNonNull(config, "config");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.supervisor = new Thread(this::supervise, "ingest-opcua-" + config.name());
        this.supervisor.setDaemon(true);
    }

    public void start() {
        supervisor.start();
    }

    public String name() {
        return config.name();
    }

    /** Readiness: a live subscription on an active session. */
    public boolean isSubscribed() {
        return subscribed;
    }

    /** Why the last connection attempt failed; empty once subscribed. */
    public Optional<ConnectFailure> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** How many times the subscription was built (1 after the first connection). */
    public long subscriptionsCreated() {
        return resubscriptions;
    }

    private void supervise() {
        Duration backoff = BACKOFF_START;
        while (running) {
            OpcUaClient client = null;
            try {
                trouble = null;
                client = connect();
                List<OpcUaEndpointConfig.NodeMapping> nodes = resolve(client);
                subscribe(client, nodes);
                subscribed = true;
                lastFailure = null;
                resubscriptions++;
                backoff = BACKOFF_START;
                LOG.info("event=opcua-subscribed endpoint={} url={} station={} items={}", config.name(), config.url(),
                        config.station(), nodes.size());
                String why = watch();
                if (why != null) {
                    LOG.warn("event=opcua-resubscribe endpoint={} station={} reason=\"{}\"", config.name(),
                            config.station(), why);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                ConnectFailure why = ConnectFailure.of(e, refusedServerCertificate, config.pkiDir());
                lastFailure = why;
                pipeline.metrics().opcuaConnectFailed(config.name(), why.reason());
                LOG.warn("event=opcua-connect-failed endpoint={} url={} security={} user={} reason={} retryInMs={} "
                        + "detail=\"{}\"", config.name(), config.url(), config.securityPolicy(),
                        config.username() == null ? "anonymous" : config.username(), why.reason(), backoff.toMillis(),
                        why.getMessage());
            } finally {
                subscribed = false;
                disconnect(client);
            }
            if (running) {
                try {
                    pause(backoff);
                } catch (InterruptedException e) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(config.backoffMax()) > 0 ? config.backoffMax()
                        : backoff.multipliedBy(2);
            }
        }
    }

    private OpcUaClient connect() throws Exception {
        OpcUaPki certificates = config.secure() ? pki() : null;
        refusedServerCertificate = null;
        // remembers our own refusal: on the wire it is only Bad_SecurityChecksFailed, as when the server refuses us
        CertificateValidator validator = certificates == null ? null : (chain, uri, hostnames) -> {
            try {
                certificates.serverCertificateValidator().validateCertificateChain(chain, uri, hostnames);
            } catch (UaException e) {
                refusedServerCertificate = e;
                throw e;
            }
        };
        OpcUaClient client = OpcUaClient.create(config.url(), this::endpoint, transport -> { }, builder -> {
            if (certificates != null) {
                builder.setApplicationUri(certificates.applicationUri())
                        .setKeyPair(certificates.keyPair())
                        .setCertificate(certificates.certificate())
                        .setCertificateChain(certificates.certificateChain())
                        .setCertificateValidator(validator);
            }
            builder.setApplicationName(LocalizedText.english("EcoValue ingest")).setProductUri(APPLICATION_URI);
            if (config.username() != null) {
                builder.setIdentityProvider(certificates == null
                        ? new UsernameProvider(config.username(), config.password())
                        : new UsernameProvider(config.username(), config.password(), validator));
            }
        });
        client.addSessionActivityListener(new SessionActivityListener() {
            @Override
            public void onSessionInactive(UaSession session) {
                troubled("session inactive");
            }
        });
        client.connect();
        return client;
    }

    /** The endpoint of the configured policy: None/None, or Basic256Sha256/SignAndEncrypt. */
    private Optional<EndpointDescription> endpoint(List<EndpointDescription> offered) {
        SecurityPolicy policy = config.secure() ? SecurityPolicy.Basic256Sha256 : SecurityPolicy.None;
        MessageSecurityMode mode = config.secure() ? MessageSecurityMode.SignAndEncrypt : MessageSecurityMode.None;
        Optional<EndpointDescription> chosen = offered.stream()
                .filter(e -> policy.getUri().equals(e.getSecurityPolicyUri()) && e.getSecurityMode() == mode)
                .findFirst();
        if (chosen.isEmpty()) {
            throw new ConnectFailure(ConnectFailure.NO_ENDPOINT, "the server offers no " + policy + "/" + mode
                    + " endpoint; it offers " + offered.stream().map(e -> e.getSecurityPolicyUri()
                            .substring(e.getSecurityPolicyUri().indexOf('#') + 1) + "/" + e.getSecurityMode()).toList());
        }
        return chosen;
    }

    /** The client's certificate and trust list, opened once (the trust list follows changes of its folder). */
    private OpcUaPki pki() throws Exception {
        if (pki == null) {
            // endpoints share the folder: the first to open it creates the certificate, the others must load that one
            synchronized (PKI_CREATION) {
                pki = OpcUaPki.open(config.pkiDir(), APPLICATION_URI, "EcoValue ingest", List.of(),
                        config.pkiPassword().toCharArray());
            }
            LOG.info("event=opcua-pki endpoint={} dir={} certificate={} serial={}", config.name(), config.pkiDir(),
                    pki.certificateFile(), pki.certificate().getSerialNumber().toString(16));
        }
        return pki;
    }

    /** The configured mapping, or the convention {@code Objects/Stations/{station}/{param}}. */
    private List<OpcUaEndpointConfig.NodeMapping> resolve(OpcUaClient client) throws Exception {
        if (!config.nodes().isEmpty()) {
            return List.copyOf(config.nodes().values());
        }
        UaNode stations = child(client, client.getAddressSpace().getNode(NodeIds.ObjectsFolder), "Stations");
        UaNode station = child(client, stations, config.station());
        List<OpcUaEndpointConfig.NodeMapping> found = new ArrayList<>();
        for (UaNode variable : station.browseNodes()) {
            String param = variable.getBrowseName().getName();
            String unit = null;
            for (UaNode property : variable.browseNodes()) {
                if ("EngineeringUnits".equals(property.getBrowseName().getName())) {
                    DataValue v = client.getAddressSpace().getVariableNode(property.getNodeId()).readValue();
                    if (v.getValue().getValue() instanceof ExtensionObject xo
                            && xo.decode(client.getStaticEncodingContext()) instanceof EUInformation eu) {
                        unit = eu.getDisplayName().getText();
                    }
                }
            }
            found.add(new OpcUaEndpointConfig.NodeMapping(variable.getNodeId().toParseableString(), param, unit));
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("Objects/Stations/" + config.station() + " has no variables");
        }
        return found;
    }

    private static UaNode child(OpcUaClient client, UaNode parent, String browseName) throws Exception {
        for (UaNode n : parent.browseNodes()) {
            if (browseName.equals(n.getBrowseName().getName())) {
                return n;
            }
        }
        throw new IllegalStateException("no node " + browseName + " under " + parent.getBrowseName().getName());
    }

    private void subscribe(OpcUaClient client, List<OpcUaEndpointConfig.NodeMapping> nodes) throws Exception {
        double samplingMs = config.samplingInterval().toMillis();
        OpcUaSubscription subscription = new OpcUaSubscription(client, Math.max(100.0, samplingMs));
        subscription.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
            @Override
            public void onStatusChanged(OpcUaSubscription s, StatusCode status) {
                if (status.isBad()) {
                    troubled("subscription status " + status);
                }
            }

            @Override
            public void onTransferFailed(OpcUaSubscription s, StatusCode status) {
                troubled("subscription transfer failed " + status);
            }

            @Override
            public void onWatchdogTimerElapsed(OpcUaSubscription s) {
                troubled("subscription keep-alive watchdog elapsed");
            }
        });
        subscription.create();
        for (OpcUaEndpointConfig.NodeMapping node : nodes) {
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(NodeId.parse(node.nodeId()));
            item.setSamplingInterval(samplingMs);
            item.setQueueSize(UInteger.valueOf(config.queueSize()));
            item.setDataValueListener((i, value) -> onValue(node, value));
            subscription.addMonitoredItem(item);
        }
        // throws if any item could not be created: its status is checked, not assumed
        subscription.synchronizeMonitoredItems();
        lastDataAt = System.currentTimeMillis();
    }

    /** Waits until trouble is signalled or the server falls silent; returns why, null when closing. */
    private String watch() throws InterruptedException {
        while (running) {
            if (trouble != null) {
                return trouble;
            }
            long silentMs = System.currentTimeMillis() - lastDataAt;
            if (silentMs > config.watchdogSilence().toMillis()) {
                return "connected but silent for " + silentMs + " ms";
            }
            synchronized (signal) {
                if (trouble == null && running) {
                    signal.wait(WATCH_TICK.toMillis());
                }
            }
        }
        return null;
    }

    private void troubled(String why) {
        trouble = why;
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void pause(Duration d) throws InterruptedException {
        long until = System.currentTimeMillis() + d.toMillis();
        synchronized (signal) {
            long left;
            while (running && (left = until - System.currentTimeMillis()) > 0) {
                signal.wait(left);
            }
        }
    }

    private void onValue(OpcUaEndpointConfig.NodeMapping node, DataValue value) {
        lastDataAt = System.currentTimeMillis();
        long now = lastDataAt;
        StatusCode status = value.getStatusCode();
        long ts = value.getSourceTime() != null ? value.getSourceTime().getJavaTime()
                : value.getServerTime() != null ? value.getServerTime().getJavaTime() : now;
        ObjectNode obs = Json.mapper().createObjectNode();
        obs.put("station", config.station());
        obs.put("ts", ts);
        ArrayNode readings = obs.putArray("readings");
        ObjectNode r = readings.addObject();
        r.put("param", node.param());
        Object v = value.getValue() == null ? null : value.getValue().getValue();
        if (v instanceof Number n) {
            r.put("value", n.doubleValue());
        } else if (v == null) {
            r.putNull("value");
        } else {
            r.put("value", v.toString());
        }
        if (node.unit() != null) {
            r.put("unit", node.unit());
        }
        // OPC UA Part 4 §7.39: a Bad status means the value is not usable → HJ 212 flag D (fault)
        r.put("flag", status != null && status.isBad() ? "D" : "N");
        byte[] payload;
        try {
            payload = Json.mapper().writeValueAsBytes(obs);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        try {
            pipeline.accept(new RawMessage(Source.OPCUA.wire(), config.url() + "#" + node.nodeId(), config.station(),
                    payload, now), () -> { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void disconnect(OpcUaClient client) {
        if (client == null) {
            return;
        }
        try {
            client.disconnectAsync().get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("event=opcua-disconnect endpoint={} error=\"{}\"", config.name(), e.toString());
        }
    }

    @Override
    public void close() {
        running = false;
        troubled(null);
        supervisor.interrupt();
        try {
            supervisor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (pki != null) {
            try {
                pki.close();
            } catch (java.io.IOException e) {
                LOG.debug("event=opcua-pki-close endpoint={} error=\"{}\"", config.name(), e.toString());
            }
        }
    }
}
