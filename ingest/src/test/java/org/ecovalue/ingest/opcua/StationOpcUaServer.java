package org.ecovalue.ingest.opcua;

import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigBuilder;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.ecovalue.embedded.opcua.OpcUaPki;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.model.variables.BaseAnalogType;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * A station's OPC UA server for tests, on 127.0.0.1, with security None and anonymous access, or
 * ({@link Secured}) only a Basic256Sha256/SignAndEncrypt endpoint and one user name: one variable
 * {@code Objects/Stations/{station}/nh3n} with {@code EngineeringUnits} = µg/L, whose value is a
 * tick counter advanced every {@code tickMs} (SourceTimestamp = the tick's time). Every tick
 * divisible by 10 carries Bad_SensorFailure, so the flag-D path is exercised with a known pattern.
 * A new instance on the same port is a restarted server (fresh address space and sessions).
 */
final class StationOpcUaServer implements AutoCloseable {

    static final String NAMESPACE = "urn:ecovalue:test:station";

    private final OpcUaServer server;
    private final int port;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong tick;
    private volatile UaVariableNode nh3n;
    private volatile boolean silent;

    /** The server's certificate and trust list, and the one user it accepts. */
    record Secured(OpcUaPki pki, String user, String password) {
    }

    StationOpcUaServer(int port, String station, AtomicLong tick, long tickMs) throws Exception {
        this(port, station, tick, tickMs, null);
    }

    StationOpcUaServer(int port, String station, AtomicLong tick, long tickMs, Secured secured) throws Exception {
        this.port = port;
        this.tick = tick;
        EndpointConfig.Builder endpoint = EndpointConfig.newBuilder()
                .setBindAddress("127.0.0.1").setBindPort(port).setHostname("127.0.0.1").setPath("/station");
        OpcUaServerConfigBuilder config = OpcUaServerConfig.builder()
                .setApplicationName(LocalizedText.english("EcoValue test station " + station))
                .setProductUri("urn:ecovalue:test:station");
        if (secured == null) {
            endpoint.setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None)
                    .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS);
            config.setApplicationUri("urn:ecovalue:test:station:" + station)
                    .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine()))
                    .setIdentityValidator(AnonymousIdentityValidator.INSTANCE);
        } else {
            endpoint.setSecurityPolicy(SecurityPolicy.Basic256Sha256).setSecurityMode(MessageSecurityMode.SignAndEncrypt)
                    .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME)
                    .setCertificate(secured.pki().certificate());
            config.setApplicationUri(secured.pki().applicationUri())
                    .setCertificateManager(secured.pki().serverCertificateManager())
                    .setIdentityValidator(new UsernameIdentityValidator(challenge ->
                            secured.user().equals(challenge.getUsername())
                                    && secured.password().equals(challenge.getPassword())));
        }
        config.setEndpoints(Set.of(endpoint.build()));
        server = new OpcUaServer(config.build(), profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        new StationNamespace(server, station).startup();
        server.startup().get(30, TimeUnit.SECONDS);
        ticker.scheduleAtFixedRate(this::advance, tickMs, tickMs, TimeUnit.MILLISECONDS);
    }

    String url() {
        return "opc.tcp://127.0.0.1:" + port + "/station";
    }

    private void advance() {
        UaVariableNode node = nh3n;
        if (node == null || silent) {
            return;
        }
        node.setValue(valueAt(tick.incrementAndGet()));
    }

    /** Tick {@code t}'s value; every 10th is Bad_SensorFailure — the node's first value too (tick 0 is one). */
    private static DataValue valueAt(long t) {
        StatusCode status = t % 10 == 0 ? new StatusCode(StatusCodes.Bad_SensorFailure) : StatusCode.GOOD;
        DateTime now = DateTime.now();
        return new DataValue(new Variant((double) t), status, now, now);
    }

    /** Keeps sessions and subscriptions up but stops changing the value ("connected but silent"). */
    void fallSilent(boolean isSilent) {
        silent = isSilent;
    }

    @Override
    public void close() throws Exception {
        ticker.shutdownNow();
        server.shutdown().get(30, TimeUnit.SECONDS);
    }

    private final class StationNamespace extends ManagedNamespaceWithLifecycle {
        private final SubscriptionModel subscriptions;

        StationNamespace(OpcUaServer server, String station) {
            super(server, NAMESPACE);
            subscriptions = new SubscriptionModel(server, this);
            getLifecycleManager().addLifecycle(subscriptions);
            getLifecycleManager().addStartupTask(() -> build(station));
        }

        private void build(String station) {
            int ns = getNamespaceIndex().intValue();
            UaFolderNode stations = folder(new NodeId(ns, "Stations"), new QualifiedName(ns, "Stations"));
            stations.addReference(new org.eclipse.milo.opcua.sdk.core.Reference(stations.getNodeId(), NodeIds.Organizes,
                    NodeIds.ObjectsFolder.expanded(), false));
            UaFolderNode stationFolder = folder(new NodeId(ns, "Stations/" + station), new QualifiedName(ns, station));
            stations.addOrganizes(stationFolder);
            UaVariableNode node = UaVariableNode.builder(getNodeContext())
                    .setNodeId(new NodeId(ns, "Stations/" + station + "/nh3n"))
                    .setBrowseName(new QualifiedName(ns, "nh3n"))
                    .setDisplayName(LocalizedText.english("nh3n"))
                    .setDataType(NodeIds.Double)
                    .setTypeDefinition(NodeIds.BaseDataVariableType)
                    .setAccessLevel(UByte.valueOf(1))
                    .setUserAccessLevel(UByte.valueOf(1))
                    .build();
            node.setValue(valueAt(tick.get()));
            getNodeManager().addNode(node);
            stationFolder.addOrganizes(node);
            // UNECE code "GQ" is microgram per litre (OPC UA Part 8 §5.6.3 EUInformation)
            node.setProperty(BaseAnalogType.ENGINEERING_UNITS, new EUInformation("http://www.opcfoundation.org/UA/units/un/cefact",
                    0x4751, LocalizedText.english("ug/L"), LocalizedText.english("microgram per litre")));
            nh3n = node;
        }

        private UaFolderNode folder(NodeId id, QualifiedName name) {
            UaFolderNode f = new UaFolderNode(getNodeContext(), id, name, LocalizedText.english(name.getName()));
            getNodeManager().addNode(f);
            return f;
        }

        @Override
        public void onDataItemsCreated(java.util.List<DataItem> items) {
            subscriptions.onDataItemsCreated(items);
        }

        @Override
        public void onDataItemsModified(java.util.List<DataItem> items) {
            subscriptions.onDataItemsModified(items);
        }

        @Override
        public void onDataItemsDeleted(java.util.List<DataItem> items) {
            subscriptions.onDataItemsDeleted(items);
        }

        @Override
        public void onMonitoringModeChanged(java.util.List<MonitoredItem> items) {
            subscriptions.onMonitoringModeChanged(items);
        }
    }
}
