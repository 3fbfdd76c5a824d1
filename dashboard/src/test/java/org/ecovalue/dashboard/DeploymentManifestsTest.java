package org.ecovalue.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine or Kubernetes here: the manifests are checked as what they are, YAML and JSON
 * documents, and for the facts the issue asks of them.
 */
class DeploymentManifestsTest {

    private static final Path DEPLOY = Path.of("../deploy");
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** DESIGN.md "InfluxDB": the measurements and their tags. */
    private static final Map<String, Set<String>> MEASUREMENT_TAGS = Map.of(
            "reading", Set.of("station", "param", "basin", "section"),
            "inventory", Set.of("unit", "product", "status"),
            "compensation", Set.of("agreement", "section", "status"));
    /** DESIGN.md "InfluxDB": the fields, which a WHERE may test but a GROUP BY may not name. */
    private static final Map<String, Set<String>> MEASUREMENT_FIELDS = Map.of(
            "reading", Set.of("value", "flag"),
            "inventory", Set.of("quantity", "grade", "value_cny"),
            "compensation", Set.of("amount_cny", "revision"));

    private static List<JsonNode> yamlDocuments(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && !n.isNull() && !n.isMissingNode()) {
                    docs.add(n);
                }
            }
        }
        return docs;
    }

    private static List<Path> files(String dir, String... extensions) throws IOException {
        try (Stream<Path> s = Files.walk(DEPLOY.resolve(dir))) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(extensions).anyMatch(e -> p.toString().endsWith(e))).sorted().toList();
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }

    @Test
    void every_manifest_is_well_formed_yaml_or_json() throws IOException {
        List<Path> yaml = new ArrayList<>(files("compose", ".yml", ".yaml"));
        yaml.addAll(files("k8s", ".yaml"));
        yaml.addAll(files("grafana", ".yaml"));
        assertThat(yaml).hasSizeGreaterThanOrEqualTo(7);
        for (Path f : yaml) {
            assertThat(yamlDocuments(f)).as(f.toString()).isNotEmpty();
        }
        List<Path> json = files("grafana", ".json");
        assertThat(json).hasSize(3);
        for (Path f : json) {
            JsonNode d = JSON.readTree(f.toFile());
            assertThat(d.path("uid").asText()).as(f.toString()).startsWith("ecovalue-");
            assertThat(d.path("panels")).as(f.toString()).isNotEmpty();
        }
    }

    @Test
    void compose_runs_three_kraft_brokers_mosquitto_without_anonymous_access_and_every_service_of_the_issue() throws IOException {
        JsonNode services = yamlDocuments(DEPLOY.resolve("compose/docker-compose.yml")).get(0).path("services");
        assertThat(services.fieldNames()).toIterable().contains("mosquitto", "kafka-1", "kafka-2", "kafka-3",
                "jobmanager", "taskmanager", "influxdb", "grafana", "ingest", "dashboard", "simulator");
        Set<String> nodeIds = new java.util.HashSet<>();
        for (String k : List.of("kafka-1", "kafka-2", "kafka-3")) {
            JsonNode env = services.path(k).path("environment");
            assertThat(env.path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
            assertThat(env.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText()).contains("1@kafka-1:9093", "2@kafka-2:9093", "3@kafka-3:9093");
            nodeIds.add(env.path("KAFKA_NODE_ID").asText());
        }
        assertThat(nodeIds).containsExactlyInAnyOrder("1", "2", "3");
        String mosquitto = Files.readString(DEPLOY.resolve("compose/mosquitto/mosquitto.conf"));
        assertThat(mosquitto).contains("allow_anonymous false", "password_file", "acl_file");
        assertThat(Files.readString(DEPLOY.resolve("compose/mosquitto/acl"))).contains("pattern write ecovalue/v1/%u/obs");
    }

    @Test
    void the_flink_deployment_checkpoints_and_savepoints_to_object_storage_and_upgrades_through_a_savepoint() throws IOException {
        JsonNode fd = yamlDocuments(DEPLOY.resolve("k8s/flink-pipeline.yaml")).stream()
                .filter(d -> d.path("kind").asText().equals("FlinkDeployment")).findFirst().orElseThrow();
        JsonNode conf = fd.path("spec").path("flinkConfiguration");
        assertThat(conf.path("execution.checkpointing.dir").asText()).startsWith("s3://");
        assertThat(conf.path("execution.checkpointing.savepoint-dir").asText()).startsWith("s3://");
        assertThat(fd.path("spec").path("job").path("upgradeMode").asText()).isEqualTo("savepoint");
        List<String> kinds = new ArrayList<>();
        for (Path f : files("k8s", ".yaml")) {
            yamlDocuments(f).forEach(d -> kinds.add(d.path("kind").asText()));
        }
        assertThat(kinds).contains("Kafka", "KafkaNodePool", "KafkaTopic", "FlinkDeployment", "Deployment", "Ingress");
    }

    @Test
    void each_ingest_pod_keeps_its_mqtt_client_id_across_restarts_so_its_persistent_session_comes_back_to_it()
            throws IOException {
        JsonNode ingest = yamlDocuments(DEPLOY.resolve("k8s/ingest.yaml")).stream()
                .filter(d -> d.path("metadata").path("name").asText().equals("ingest")
                        && d.path("kind").asText().matches("Deployment|StatefulSet"))
                .findFirst().orElseThrow();
        // pod names of a StatefulSet are stable (ingest-0, ingest-1, …); a Deployment's change every rollout
        assertThat(ingest.path("kind").asText()).isEqualTo("StatefulSet");
        JsonNode clientId = ingest.findValues("env").get(0).findParents("name").stream()
                .filter(e -> e.path("name").asText().equals("ECOVALUE_INGEST_MQTT_CLIENT_ID")).findFirst().orElseThrow();
        assertThat(clientId.path("valueFrom").path("fieldRef").path("fieldPath").asText()).isEqualTo("metadata.name");
    }

    @Test
    void grafana_queries_use_only_the_measurements_and_tags_of_the_design() throws IOException {
        Pattern from = Pattern.compile("FROM \"([a-z_]+)\"");
        int queries = 0;
        for (Path f : files("grafana", ".json")) {
            for (JsonNode q : JSON.readTree(f.toFile()).findValues("query")) {
                String influxQl = q.asText();
                Matcher m = from.matcher(influxQl);
                assertThat(m.find()).as(influxQl).isTrue();
                Set<String> tags = MEASUREMENT_TAGS.get(m.group(1));
                assertThat(tags).as("measurement of " + influxQl).isNotNull();
                Matcher w = Pattern.compile("\"([a-z_]+)\" (?:=~|!=|=) ").matcher(influxQl);
                while (w.find()) {
                    assertThat(w.group(1)).as("tag or field in " + influxQl)
                            .isIn(union(tags, MEASUREMENT_FIELDS.get(m.group(1))));
                }
                Matcher g = Pattern.compile("GROUP BY (.*?)(?: fill\\(|$)").matcher(influxQl);
                if (g.find()) {
                    Matcher t = Pattern.compile("\"([a-z_]+)\"").matcher(g.group(1));
                    while (t.find()) {
                        assertThat(tags).as("group-by tag in " + influxQl).contains(t.group(1));
                    }
                }
                queries++;
            }
        }
        assertThat(queries).isGreaterThanOrEqualTo(10);
    }
}
