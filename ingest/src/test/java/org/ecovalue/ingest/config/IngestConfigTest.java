package org.ecovalue.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    @Test
    void theEnvironmentOverridesTheFileWhichOverridesTheDefault() throws Exception {
        IngestConfig c = IngestConfig.from(
                Map.of("mqtt.client-id", "from-file", "queue.capacity", "50"),
                Map.of("ECOVALUE_INGEST_MQTT_CLIENT_ID", "from-env"));

        assertThat(c.mqtt().orElseThrow().clientId()).isEqualTo("from-env");
        assertThat(c.queueCapacity()).isEqualTo(50);
        assertThat(c.mqtt().orElseThrow().sessionExpiry()).isEqualTo(Duration.ofHours(24)); // default PT24H
        assertThat(c.mqtt().orElseThrow().sharedSubscription()).isEqualTo("$share/ecovalue-ingest/ecovalue/v1/+/+");
    }

    @Test
    void anOpcUaEndpointIsReadFromItsNamedKeysWithAnExplicitNodeMapping() throws Exception {
        IngestConfig c = IngestConfig.from(Map.of(
                "mqtt.enabled", "false",
                "opcua.endpoints", "sl1",
                "opcua.sl1.url", "opc.tcp://10.1.2.3:4840/station",
                "opcua.sl1.station", "SL390121000001",
                "opcua.sl1.nodes", "ns=2;s=Q=flow:m3/s|ns=2;i=7=water_level"), Map.of());

        var e = c.opcua().get(0);
        assertThat(e.station()).isEqualTo("SL390121000001");
        assertThat(e.nodes()).containsOnlyKeys("ns=2;s=Q", "ns=2;i=7");
        assertThat(e.nodes().get("ns=2;s=Q").unit()).isEqualTo("m3/s");
        assertThat(e.nodes().get("ns=2;i=7").param()).isEqualTo("water_level");
        assertThat(e.nodes().get("ns=2;i=7").unit()).isNull();
    }

    @Test
    void aPersistentSessionWithoutAStableClientIdIsRefusedBeforeStart() {
        assertThatThrownBy(() -> IngestConfig.from(Map.of("mqtt.client-id", "paho1795305600000"), Map.of()))
                .hasMessageContaining("looks generated");
        assertThatThrownBy(() -> IngestConfig.from(Map.of("mqtt.session-expiry", "PT0S"), Map.of()))
                .hasMessageContaining("mqtt.session-expiry must be positive");
        assertThatThrownBy(() -> IngestConfig.from(Map.of("mqtt.enabled", "false"), Map.of()))
                .hasMessageContaining("no source");
    }

    @Test
    void aSecuredOpcUaEndpointTakesItsPasswordsFromTheEnvironmentAndItsPkiFolderFromTheFile() throws Exception {
        IngestConfig c = IngestConfig.from(Map.of(
                "mqtt.enabled", "false",
                "opcua.endpoints", "sl1",
                "opcua.sl1.url", "opc.tcp://10.1.2.3:4840/station",
                "opcua.sl1.station", "SL390121000001",
                "opcua.sl1.security-policy", "Basic256Sha256",
                "opcua.sl1.username", "ecovalue",
                "opcua.pki-dir", "/var/lib/ecovalue/opcua-pki"),
                Map.of("ECOVALUE_INGEST_OPCUA_SL1_PASSWORD", "station-pw", "ECOVALUE_INGEST_OPCUA_PKI_PASSWORD", "pki-pw"));

        var e = c.opcua().get(0);
        assertThat(e.secure()).isTrue();
        assertThat(e.password()).isEqualTo("station-pw");
        assertThat(e.pkiPassword()).isEqualTo("pki-pw");
        assertThat(e.pkiDir()).hasToString("/var/lib/ecovalue/opcua-pki");
        assertThat(e.toString()).doesNotContain("station-pw", "pki-pw");
    }

    @Test
    void anUnknownSecurityPolicyAndANonPositiveSplitTimeoutAreRefusedTogether() {
        assertThatThrownBy(() -> IngestConfig.from(Map.of(
                "hj212.split-timeout", "PT0S",
                "opcua.endpoints", "sl1",
                "opcua.sl1.url", "opc.tcp://10.1.2.3:4840/station",
                "opcua.sl1.station", "SL390121000001",
                "opcua.sl1.security-policy", "Basic128Rsa15"), Map.of()))
                .hasMessageContaining("hj212.split-timeout: must be positive")
                .hasMessageContaining("opcua.sl1.security-policy must be None or Basic256Sha256");
    }

    @Test
    void theRegistrySourceDefaultsFromTheFileAndContradictionsAreRefused() throws Exception {
        // no file: none (every station accepted); a readable file: file; topic chosen explicitly
        assertThat(IngestConfig.from(Map.of(), Map.of()).registrySource()).isEqualTo(IngestConfig.RegistrySource.NONE);
        assertThat(IngestConfig.from(Map.of("registry.file", "../deploy/config/default.yaml"), Map.of()).registrySource())
                .isEqualTo(IngestConfig.RegistrySource.FILE);
        assertThat(IngestConfig.from(Map.of(), Map.of("ECOVALUE_INGEST_REGISTRY_SOURCE", "topic")).registrySource())
                .isEqualTo(IngestConfig.RegistrySource.TOPIC);

        assertThatThrownBy(() -> IngestConfig.from(Map.of("registry.source", "file"), Map.of()))
                .hasMessageContaining("registry.source: file needs registry.file");
        assertThatThrownBy(() -> IngestConfig.from(Map.of("registry.source", "topic",
                "registry.file", "../deploy/config/default.yaml"), Map.of()))
                .hasMessageContaining("registry.file: set, but registry.source is topic");
        assertThatThrownBy(() -> IngestConfig.from(Map.of("registry.source", "kafka"), Map.of()))
                .hasMessageContaining("registry.source: must be file, topic or none");
    }
}
