package org.ecovalue.ingest.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.ecovalue.embedded.TopicReader;
import org.ecovalue.embedded.opcua.OpcUaPki;
import org.ecovalue.ingest.IngestService;
import org.ecovalue.ingest.StationDirectory;
import org.ecovalue.ingest.config.IngestConfig;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.topics.EcoTopic;
import org.ecovalue.ingest.Brokers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Production OPC UA security against a real Milo server that offers only Basic256Sha256 with
 * SignAndEncrypt and a user-name identity: ingest connects with its application certificate when
 * each side trusts the other and the password is right, and otherwise stays disconnected and says
 * why (reason in the log, the metric and {@link OpcUaIngest#lastFailure()}; readiness down).
 */
class OpcUaSecurityIT {

    private static final long TICK_MS = 100;
    private static final String USER = "ingest";
    private static final String PASSWORD = "s3cret-station-pw";
    private static final char[] PKI_PASSWORD = "pki-pw".toCharArray();

    @TempDir
    static Path dir;

    @RegisterExtension
    static final Brokers BROKERS = Brokers.kafka();

    @Test
    void aTrustedServerAndTheRightPasswordDeliverSignedAndEncryptedValues() throws Exception {
        String station = "SEC-1";
        Path clientPki = dir.resolve("pki-ok");
        try (OpcUaPki serverPki = serverPki(station);
             StationOpcUaServer server = secured(station, serverPki);
             IngestService ingest = ingest(server.url(), station, PASSWORD, clientPki, true, serverPki);
             TopicReader observations = new TopicReader(BROKERS.bootstrapServers(), EcoTopic.OBSERVATIONS.topic())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> count(observations, station) >= 5);
            assertThat(ingest.readiness().get("opcua:s1")).isTrue();
            assertThat(ingest.opcua().get(0).lastFailure()).isEmpty();
            // the server got to know ingest only through the certificate put in its trust list
            assertThat(serverPki.rejected()).isEmpty();
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndReportedAsIdentityRejected() throws Exception {
        String station = "SEC-2";
        try (OpcUaPki serverPki = serverPki(station);
             StationOpcUaServer server = secured(station, serverPki);
             IngestService ingest = ingest(server.url(), station, "not-the-password", dir.resolve("pki-pw"), true,
                     serverPki);
             TopicReader observations = new TopicReader(BROKERS.bootstrapServers(), EcoTopic.OBSERVATIONS.topic())) {
            OpcUaIngest source = ingest.opcua().get(0);
            await().atMost(Duration.ofSeconds(60)).until(() -> failures(ingest, ConnectFailure.IDENTITY) >= 2);
            assertThat(source.lastFailure()).get().extracting(ConnectFailure::reason).isEqualTo(ConnectFailure.IDENTITY);
            assertThat(ingest.readiness().get("opcua:s1")).isFalse();
            assertThat(ingest.pipeline().metrics().scrape()).contains(
                    "ecovalue_ingest_opcua_connect_failures_total{endpoint=\"s1\",reason=\"identity-rejected\"}");
            assertThat(count(observations, station)).isZero();
        }
    }

    @Test
    void anUntrustedServerCertificateIsRefusedAndQuarantinedUntilAnOperatorTrustsIt() throws Exception {
        String station = "SEC-3";
        Path clientPki = dir.resolve("pki-untrusted");
        try (OpcUaPki serverPki = serverPki(station);
             StationOpcUaServer server = secured(station, serverPki);
             // the server trusts ingest, but ingest was never told to trust the server
             IngestService ingest = ingest(server.url(), station, PASSWORD, clientPki, false, serverPki);
             TopicReader observations = new TopicReader(BROKERS.bootstrapServers(), EcoTopic.OBSERVATIONS.topic())) {
            OpcUaIngest source = ingest.opcua().get(0);
            await().atMost(Duration.ofSeconds(60)).until(() -> failures(ingest, ConnectFailure.SERVER_CERTIFICATE) >= 2);
            assertThat(source.lastFailure()).get().satisfies(f -> {
                assertThat(f.reason()).isEqualTo(ConnectFailure.SERVER_CERTIFICATE);
                assertThat(f.getMessage()).contains(clientPki.resolve("rejected").toString());
            });
            assertThat(ingest.readiness().get("opcua:s1")).isFalse();
            assertThat(count(observations, station)).isZero();
            // the refused certificate waits in rejected/ for an operator to trust it ...
            Path refused;
            try (var rejected = Files.list(clientPki.resolve("rejected"))) {
                refused = rejected.findFirst().orElseThrow();
            }
            // ... who does so by moving it to trusted/certs: the next attempt connects, without a restart
            Files.move(refused, clientPki.resolve("trusted").resolve("certs").resolve(refused.getFileName()));
            await().atMost(Duration.ofSeconds(60)).until(() -> count(observations, station) >= 1);
            assertThat(ingest.readiness().get("opcua:s1")).isTrue();
        }
    }

    private static OpcUaPki serverPki(String station) throws Exception {
        return OpcUaPki.open(dir.resolve("server-" + station), "urn:ecovalue:test:station:" + station,
                "station " + station, List.of(), "server-pw".toCharArray());
    }

    private static StationOpcUaServer secured(String station, OpcUaPki serverPki) throws Exception {
        return new StationOpcUaServer(freePort(), station, new AtomicLong(), TICK_MS,
                new StationOpcUaServer.Secured(serverPki, USER, PASSWORD));
    }

    /**
     * Ingest with a client PKI folder made beforehand (as an operator would on first installation:
     * start once, exchange certificates); the server always trusts ingest's certificate.
     */
    private static IngestService ingest(String url, String station, String password, Path clientPki,
                                        boolean trustServer, OpcUaPki serverPki) throws Exception {
        try (OpcUaPki client = OpcUaPki.open(clientPki, OpcUaIngest.APPLICATION_URI, "EcoValue ingest", List.of(),
                PKI_PASSWORD)) {
            serverPki.trust(client.certificate());
            if (trustServer) {
                client.trust(serverPki.certificate());
            }
        }
        Map<String, String> file = new HashMap<>();
        file.put("kafka.bootstrap-servers", BROKERS.bootstrapServers());
        file.put("kafka.client-id", "ingest-opcua-" + station);
        file.put("mqtt.enabled", "false");
        file.put("opcua.endpoints", "s1");
        file.put("opcua.s1.url", url);
        file.put("opcua.s1.station", station);
        file.put("opcua.s1.security-policy", "Basic256Sha256");
        file.put("opcua.s1.username", USER);
        file.put("opcua.s1.password", password);
        file.put("opcua.pki-dir", clientPki.toString());
        file.put("opcua.pki-password", new String(PKI_PASSWORD));
        file.put("opcua.sampling-interval", "PT0.1S");
        file.put("opcua.reconnect-backoff-max", "PT1S");
        file.put("http.host", "127.0.0.1");
        file.put("http.port", "0");
        return IngestService.create(IngestConfig.from(file, Map.of()), StationDirectory.acceptAll()).start();
    }

    private static long failures(IngestService ingest, String reason) {
        return ingest.pipeline().metrics().count("ecovalue_ingest_opcua_connect_failures_total", "endpoint", "s1",
                "reason", reason);
    }

    private static long count(TopicReader reader, String station) {
        return reader.records().stream().filter(r -> station.equals(r.key())).filter(r -> {
            try {
                return station.equals(Json.mapper().readTree(r.value()).get("station").asText());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
