package org.ecovalue.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.ecovalue.embedded.EmbeddedKafka;
import org.ecovalue.embedded.MosquittoProcess;
import org.ecovalue.embedded.TopicReader;
import org.ecovalue.embedded.tls.TestCertificateAuthority;
import org.ecovalue.embedded.tls.TrustedCertificates;
import org.ecovalue.ingest.BadInputCorpus;
import org.ecovalue.ingest.IngestService;
import org.ecovalue.ingest.StationDirectory;
import org.ecovalue.ingest.config.IngestConfig;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.topics.EcoTopic;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest over TLS with user name and password against Debian's Mosquitto configured as
 * docs/ingest.md shows (TLS-only listener, password file, per-station ACL), trusting only the CA
 * file from its configuration: the broker's certificate is checked, not just accepted.
 */
class MosquittoTlsIT {

    @TempDir
    static Path dir;

    private static EmbeddedKafka kafka;
    private static TestCertificateAuthority ca;
    private static MosquittoProcess broker;

    @BeforeAll
    static void start() throws Exception {
        kafka = new EmbeddedKafka(dir.resolve("kafka"), 0).start();
        kafka.createAllTopics();
        ca = TestCertificateAuthority.create(dir.resolve("ca"), "EcoValue test CA");
        broker = MosquittoProcess.withAuth(dir.resolve("mosquitto"),
                Map.of("ecovalue-ingest", "ingest-secret", "QH-S03", "s03-secret"), MosquittoAclIT.ACL).withTls(ca);
        broker.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static IngestConfig config(String clientId, Path trusted) throws Exception {
        Map<String, String> file = new HashMap<>();
        file.put("kafka.bootstrap-servers", kafka.bootstrapServers());
        file.put("kafka.client-id", clientId);
        file.put("mqtt.server-uri", broker.url());
        file.put("mqtt.client-id", clientId);
        file.put("mqtt.username", "ecovalue-ingest");
        file.put("mqtt.tls.trust-store", trusted.toString());
        file.put("http.host", "127.0.0.1");
        file.put("http.port", "0");
        return IngestConfig.from(file, Map.of("ECOVALUE_INGEST_MQTT_PASSWORD", "ingest-secret"));
    }

    @Test
    void ingestTrustingTheBrokersCaReceivesAStationsMessageOverTls() throws Exception {
        assertThat(broker.url()).startsWith("ssl://");
        try (IngestService ingest = IngestService.create(config("ingest-tls", ca.caFile()),
                StationDirectory.ofIds(Set.of("QH-S03"), StationDirectory.UnknownStationPolicy.REJECT)).start();
             TopicReader observations = new TopicReader(kafka.bootstrapServers(), EcoTopic.OBSERVATIONS.topic())) {
            assertThat(ingest.readiness().get("mqtt")).isTrue();
            MqttClient station = new MqttClient(broker.url(), "station-QH-S03", new MemoryPersistence());
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setUserName("QH-S03");
            o.setPassword("s03-secret".getBytes(StandardCharsets.UTF_8));
            o.setSocketFactory(TrustedCertificates.sslContext(ca.caFile(), null).getSocketFactory());
            station.connect(o);
            station.publish("ecovalue/v1/QH-S03/obs", BadInputCorpus.bytes(BadInputCorpus.json("QH-S03", 7)), 1, false);

            await().atMost(Duration.ofSeconds(30)).until(() -> observations.records().stream().anyMatch(r -> {
                try {
                    return "QH-S03".equals(r.key()) && Json.mapper().readTree(r.value()).get("seq").asInt() == 7;
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
            station.disconnect();
            station.close();
        }
    }

    @Test
    void ingestRefusesABrokerWhoseCertificateItsCaFileDoesNotVouchFor() throws Exception {
        // a CA of the same name that did not sign the broker's certificate: an impostor's, as far as ingest knows
        TestCertificateAuthority other = TestCertificateAuthority.create(dir.resolve("other-ca"), "EcoValue test CA");
        IngestService ingest = IngestService.create(config("ingest-tls-untrusting", other.caFile()),
                StationDirectory.acceptAll());
        try {
            assertThatThrownBy(ingest::start).hasStackTraceContaining("SSLHandshakeException");
            assertThat(ingest.readiness().get("mqtt")).isFalse();
        } finally {
            ingest.close();
        }
    }
}
