package org.ecovalue.simulator.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ecovalue.embedded.opcua.OpcUaPki;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.core.nodes.VariableNodeProperties;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.schemas.registry.StationProtocol;
import org.ecovalue.simulator.Scenarios;
import org.ecovalue.simulator.delivery.RecordingPublisher;
import org.ecovalue.simulator.run.RunOptions;
import org.ecovalue.simulator.run.SimulationRun;
import org.ecovalue.simulator.scenario.Scenario;
import org.ecovalue.simulator.signal.BasinSignal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Milo client, over a real socket, finds the default scenario's OPC UA stations by browsing. */
class StationServerBrowseTest {

    private StationServer server;
    private OpcUaClient client;

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.disconnect();
        }
        if (server != null) {
            server.close();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private List<ReferenceDescription> children(NodeId node) throws Exception {
        return client.getAddressSpace().browse(node);
    }

    private NodeId child(NodeId parent, String name) throws Exception {
        return children(parent).stream().filter(r -> r.getBrowseName().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not found under " + parent))
                .getNodeId().toNodeId(client.getNamespaceTable()).orElseThrow();
    }

    @Test
    void aMiloClientBrowsesObjectsStationsStationParamAndReadsTheLastValueWithItsUnit() throws Exception {
        Scenario s = Scenarios.load("default");
        Scenario twoHours = s.withSimulation(s.simulation().withDuration(Duration.ofHours(2)));
        List<Station> opcua = twoHours.stations().stream().filter(st -> st.protocol() == StationProtocol.OPCUA).toList();
        server = new StationServer(opcua, "127.0.0.1", freePort());
        server.startServer();
        new SimulationRun(twoHours, new RecordingPublisher(), server, RunOptions.asFastAsPossible()).run();

        client = OpcUaClient.create(server.endpointUrl());
        client.connect();
        NodeId stations = child(NodeIds.ObjectsFolder, "Stations");
        assertThat(children(stations)).extracting(r -> r.getBrowseName().getName())
                .containsExactlyInAnyOrder("SL390121000001", "SL390122000001", "MT390121000001", "MT390122000001");
        NodeId flowStation = child(stations, "SL390121000001");
        assertThat(children(flowStation)).extracting(r -> r.getBrowseName().getName()).contains("flow", "water_level");

        NodeId flow = child(flowStation, "flow");
        DataValue value = client.readValue(0, TimestampsToReturn.Both, flow);
        // the flow gauge reports every 300 s: the last value of a 2 h run is the one measured at 01:55
        Instant last = twoHours.simulation().start().plus(Duration.ofMinutes(115));
        Station gauge = twoHours.registry().station("SL390121000001").orElseThrow();
        assertThat(value.getSourceTime().getJavaInstant()).isEqualTo(last);
        assertThat((Double) value.getValue().getValue()).isEqualTo(new BasinSignal(twoHours).values(gauge, last)[0]);
        assertThat(value.getStatusCode().isGood()).isTrue();

        UaVariableNode node = client.getAddressSpace().getVariableNode(flow);
        EUInformation unit = node.getProperty(VariableNodeProperties.EngineeringUnits).get();
        assertThat(unit.getDisplayName().getText()).isEqualTo("m3/s");
    }

    @Test
    void securedTheServerServesATrustedClientWithThePasswordAndRefusesAWrongPassword(@TempDir Path dir)
            throws Exception {
        Scenario s = Scenarios.load("default");
        Scenario oneHour = s.withSimulation(s.simulation().withDuration(Duration.ofHours(1)));
        List<Station> opcua = oneHour.stations().stream().filter(st -> st.protocol() == StationProtocol.OPCUA).toList();
        server = new StationServer(opcua, "127.0.0.1", freePort(), new StationServer.Security(dir.resolve("server-pki"),
                "pki-pw".toCharArray(), "ingest", "station-pw".toCharArray()));
        try (OpcUaPki clientPki = OpcUaPki.open(dir.resolve("client-pki"), "urn:ecovalue:test:client", "test client",
                List.of(), "pki-pw".toCharArray())) {
            // the certificate exchange an operator does once
            server.pki().trust(clientPki.certificate());
            clientPki.trust(server.pki().certificate());
            server.startServer();
            new SimulationRun(oneHour, new RecordingPublisher(), server, RunOptions.asFastAsPossible()).run();

            OpcUaClient wrong = securedClient(clientPki, "not-the-password");
            assertThatThrownBy(wrong::connect).satisfies(e -> assertThat(statusOf(e)).isIn(
                    StatusCodes.Bad_UserAccessDenied, StatusCodes.Bad_IdentityTokenRejected,
                    StatusCodes.Bad_IdentityTokenInvalid));

            client = securedClient(clientPki, "station-pw");
            client.connect();
            assertThat(client.getConfig().getEndpoint().getSecurityMode()).isEqualTo(MessageSecurityMode.SignAndEncrypt);
            assertThat(children(child(NodeIds.ObjectsFolder, "Stations"))).extracting(r -> r.getBrowseName().getName())
                    .containsExactlyInAnyOrder("SL390121000001", "SL390122000001", "MT390121000001", "MT390122000001");
        }
    }

    private OpcUaClient securedClient(OpcUaPki pki, String password) throws Exception {
        return OpcUaClient.create(server.endpointUrl(),
                endpoints -> endpoints.stream()
                        .filter(e -> SecurityPolicy.Basic256Sha256.getUri().equals(e.getSecurityPolicyUri())).findFirst(),
                transport -> { },
                b -> b.setApplicationUri(pki.applicationUri()).setKeyPair(pki.keyPair()).setCertificate(pki.certificate())
                        .setCertificateChain(pki.certificateChain())
                        .setCertificateValidator(pki.serverCertificateValidator())
                        .setIdentityProvider(new UsernameProvider("ingest", password)));
    }

    private static long statusOf(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof UaException ua) {
                return ua.getStatusCode().getValue();
            }
        }
        throw new AssertionError("no OPC UA status in " + thrown, thrown);
    }

    @Test
    void afterARestartTheServerServesTheLastValuesAgain() throws Exception {
        Scenario s = Scenarios.load("default");
        Scenario oneHour = s.withSimulation(s.simulation().withDuration(Duration.ofHours(1)));
        List<Station> opcua = oneHour.stations().stream().filter(st -> st.protocol() == StationProtocol.OPCUA).toList();
        server = new StationServer(opcua, "127.0.0.1", freePort());
        server.startServer();
        new SimulationRun(oneHour, new RecordingPublisher(), server, RunOptions.asFastAsPossible()).run();
        server.stopServer();
        server.startServer();

        client = OpcUaClient.create(server.endpointUrl());
        client.connect();
        NodeId temp = child(child(child(NodeIds.ObjectsFolder, "Stations"), "MT390121000001"), "air_temp");
        Instant last = oneHour.simulation().start().plus(Duration.ofMinutes(50)); // every 600 s
        assertThat(client.readValue(0, TimestampsToReturn.Both, temp).getSourceTime().getJavaInstant()).isEqualTo(last);
    }
}
