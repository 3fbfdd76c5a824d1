package org.ecovalue.simulator.opcua;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.observation.Reading;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.simulator.run.OpcUaSink;
import org.ecovalue.simulator.signal.StationParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OPC UA server of the scenario's {@code opcua} stations (Eclipse Milo), security policy None,
 * anonymous. A restart (fault {@code opcua-restart}) is a new server on the same port, as after a
 * real reboot: subscriptions are gone and clients must recreate them; the last values come back.
 */
public final class StationServer implements OpcUaSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StationServer.class);
    public static final String PATH = "/ecovalue";

    private final Map<String, List<Parameter>> stations = new LinkedHashMap<>();
    private final String bindAddress;
    private final int port;
    private final Map<String, Object[]> lastValues = new ConcurrentHashMap<>();
    private volatile OpcUaServer server;
    private volatile StationNamespace namespace;

    public StationServer(List<Station> opcuaStations, String bindAddress, int port) {
        opcuaStations.forEach(s -> stations.put(s.id(), StationParameters.of(s.kind())));
        this.bindAddress = bindAddress;
        this.port = port;
    }

    public String endpointUrl() {
        return "opc.tcp://" + bindAddress + ":" + port + PATH;
    }

    @Override
    public synchronized void startServer() throws Exception {
        EndpointConfig endpoint = EndpointConfig.newBuilder()
                .setBindAddress(bindAddress)
                .setHostname(bindAddress)
                .setBindPort(port)
                .setPath(PATH)
                .setSecurityPolicy(SecurityPolicy.None)
                .setSecurityMode(MessageSecurityMode.None)
                .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS)
                .build();
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationUri("urn:ecovalue:simulator")
                .setApplicationName(LocalizedText.english("EcoValue device simulator"))
                .setProductUri("urn:ecovalue:simulator")
                .setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine(), List.of()))
                .setEndpoints(Set.of(endpoint))
                .build();
        OpcUaServer s = new OpcUaServer(config,
                profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        StationNamespace ns = new StationNamespace(s, stations);
        ns.startup();
        s.startup().get(30, TimeUnit.SECONDS);
        server = s;
        namespace = ns;
        lastValues.forEach((key, v) -> {
            int slash = key.indexOf('/');
            ns.set(key.substring(0, slash), key.substring(slash + 1), (Double) v[0],
                    (org.ecovalue.schemas.observation.Flag) v[1], (Instant) v[2]);
        });
        LOG.info("event=opcua-started endpoint={} stations={}", endpointUrl(), stations.size());
    }

    @Override
    public synchronized void stopServer() throws Exception {
        OpcUaServer s = server;
        server = null;
        if (s != null) {
            namespace.shutdown();
            s.shutdown().get(30, TimeUnit.SECONDS);
            LOG.info("event=opcua-stopped endpoint={}", endpointUrl());
        }
    }

    @Override
    public void update(String station, Instant sourceTime, List<Reading> readings) {
        StationNamespace ns = namespace;
        for (Reading r : readings) {
            lastValues.put(station + "/" + r.param(), new Object[] {r.value(), r.flag(), sourceTime});
            if (ns != null && server != null) {
                ns.set(station, r.param(), r.value(), r.flag(), sourceTime);
            }
        }
    }

    @Override
    public void close() throws Exception {
        stopServer();
    }
}
