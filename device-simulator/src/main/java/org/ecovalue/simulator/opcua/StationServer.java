package org.ecovalue.simulator.opcua;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigBuilder;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.ecovalue.embedded.opcua.OpcUaPki;
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
 * The OPC UA server of the scenario's {@code opcua} stations (Eclipse Milo): security policy None
 * and anonymous access, or ({@link Security}) only Basic256Sha256/SignAndEncrypt with one user name,
 * as a production station server would offer. A restart (fault {@code opcua-restart}) is a new server on the same port, as after a
 * real reboot: subscriptions are gone and clients must recreate them; the last values come back.
 */
public final class StationServer implements OpcUaSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StationServer.class);
    public static final String PATH = "/ecovalue";
    /** In the server certificate's subjectAltName when secured. */
    public static final String APPLICATION_URI = "urn:ecovalue:simulator";

    private final Map<String, List<Parameter>> stations = new LinkedHashMap<>();
    private final String bindAddress;
    private final int port;
    private final Map<String, Object[]> lastValues = new ConcurrentHashMap<>();
    private final Security security;
    private OpcUaPki pki;
    private volatile OpcUaServer server;
    private volatile StationNamespace namespace;

    /**
     * Basic256Sha256 with SignAndEncrypt and the user name {@code username}. The server's certificate
     * and the client certificates it trusts are in {@code pkiDir} (layout of {@link OpcUaPki}): put a
     * client's certificate (ingest's {@code own/application.der}) into {@code pkiDir/trusted/certs}.
     */
    public record Security(Path pkiDir, char[] pkiPassword, String username, char[] password) {
        public static final String POLICY = "Basic256Sha256";

        public Security {
            Objects.requireNonNull(pkiDir, "pkiDir");
            Objects.requireNonNull(pkiPassword, "pkiPassword");
            if (username == null || username.isBlank() || password == null) {
                throw new IllegalArgumentException("a secured OPC UA server needs a user name and a password");
            }
        }
    }

    public StationServer(List<Station> opcuaStations, String bindAddress, int port) {
        this(opcuaStations, bindAddress, port, null);
    }

    /** @param security null = None/anonymous */
    public StationServer(List<Station> opcuaStations, String bindAddress, int port, Security security) {
        opcuaStations.forEach(s -> stations.put(s.id(), StationParameters.of(s.kind())));
        this.bindAddress = bindAddress;
        this.port = port;
        this.security = security;
    }

    /** The server's certificate and trust list; null without {@link Security}. */
    public synchronized OpcUaPki pki() throws Exception {
        if (pki == null && security != null) {
            pki = OpcUaPki.open(security.pkiDir(), APPLICATION_URI, "EcoValue device simulator",
                    List.of(bindAddress), security.pkiPassword());
        }
        return pki;
    }

    public String endpointUrl() {
        return "opc.tcp://" + bindAddress + ":" + port + PATH;
    }

    @Override
    public synchronized void startServer() throws Exception {
        EndpointConfig.Builder endpoint = EndpointConfig.newBuilder()
                .setBindAddress(bindAddress)
                .setHostname(bindAddress)
                .setBindPort(port)
                .setPath(PATH);
        OpcUaServerConfigBuilder config = OpcUaServerConfig.builder()
                .setApplicationUri(APPLICATION_URI)
                .setApplicationName(LocalizedText.english("EcoValue device simulator"))
                .setProductUri(APPLICATION_URI);
        OpcUaPki certificates = pki();
        if (certificates == null) {
            endpoint.setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None)
                    .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS);
            config.setCertificateManager(new DefaultCertificateManager(new MemoryCertificateQuarantine(), List.of()));
        } else {
            String user = security.username();
            String password = new String(security.password());
            endpoint.setSecurityPolicy(SecurityPolicy.Basic256Sha256)
                    .setSecurityMode(MessageSecurityMode.SignAndEncrypt)
                    .setCertificate(certificates.certificate())
                    .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME);
            config.setCertificateManager(certificates.serverCertificateManager())
                    .setIdentityValidator(new UsernameIdentityValidator(
                            login -> user.equals(login.getUsername()) && password.equals(login.getPassword())));
        }
        config.setEndpoints(Set.of(endpoint.build()));
        OpcUaServer s = new OpcUaServer(config.build(),
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
        LOG.info("event=opcua-started endpoint={} stations={} security={}", endpointUrl(), stations.size(),
                certificates == null ? "None" : Security.POLICY + "/SignAndEncrypt user=" + security.username()
                        + " pki=" + security.pkiDir());
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
    public synchronized void close() throws Exception {
        try {
            stopServer();
        } finally {
            if (pki != null) {
                pki.close();
                pki = null;
            }
        }
    }
}
