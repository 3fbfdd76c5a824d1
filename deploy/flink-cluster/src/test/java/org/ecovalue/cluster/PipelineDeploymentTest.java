package org.ecovalue.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ecovalue.jobs.PipelineMain;
import org.ecovalue.schemas.topics.EcoTopic;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * No Docker engine or Kubernetes here: the compose file, the Kubernetes manifests and the image's
 * Dockerfile are read as documents and held to what the build and the code say — the job jar's name and
 * entry point (stream-jobs' pom), PipelineMain's options as environment variables, the Flink and Kafka
 * versions of the root pom, and the topics of {@link EcoTopic}. {@code FlinkClusterIT} runs that jar.
 */
class PipelineDeploymentTest {

    private static final Path ROOT = Path.of("../..");
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String VERSION = System.getProperty("ecovalue.version");
    private static final String FLINK_VERSION = System.getProperty("ecovalue.flink.version");
    private static final String KAFKA_VERSION = System.getProperty("ecovalue.kafka.version");
    /** Where the images keep the job jar: Flink's docker entry point puts usrlib on the user class path. */
    private static final String USRLIB_JAR = "/opt/flink/usrlib/ecovalue-pipeline.jar";

    /** The job jar as stream-jobs' pom makes it: target/ARTIFACT-VERSION-CLASSIFIER.jar. */
    private static String jobJarPath() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(ROOT.resolve("stream-jobs/pom.xml").toFile());
        String classifier = pom.getElementsByTagName("shadedClassifierName").item(0).getTextContent().trim();
        return "stream-jobs/target/ecovalue-stream-jobs-" + VERSION + "-" + classifier + ".jar";
    }

    private static String jobJarMainClass() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(ROOT.resolve("stream-jobs/pom.xml").toFile());
        return pom.getElementsByTagName("mainClass").item(0).getTextContent().trim();
    }

    /** Every document of a (multi-document) YAML file. */
    private static List<JsonNode> yamlDocuments(Path file) throws IOException {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            return docs.readAll().stream().filter(d -> !d.isNull() && !d.isMissingNode()).toList();
        }
    }

    private static JsonNode composeServices() throws IOException {
        return yamlDocuments(DEPLOY.resolve("compose/docker-compose.yml")).get(0).path("services");
    }

    private static JsonNode flinkDeployment() throws IOException {
        return yamlDocuments(DEPLOY.resolve("k8s/flink-pipeline.yaml")).stream()
                .filter(d -> d.path("kind").asText().equals("FlinkDeployment")).findFirst().orElseThrow();
    }

    private static Map<String, String> topicsAndPolicies() {
        return Stream.of(EcoTopic.values()).collect(Collectors.toMap(EcoTopic::topic, t -> t.cleanup().config()));
    }

    private static List<String> knownEnvNames() {
        return PipelineMain.OPTIONS.stream().map(PipelineMain::envName).toList();
    }

    @Test
    void theJobJarIsBuiltWithPipelineMainAsItsEntryPoint() throws Exception {
        assertThat(jobJarMainClass()).isEqualTo(PipelineMain.class.getName());
        assertThat(jobJarPath()).isEqualTo("stream-jobs/target/ecovalue-stream-jobs-" + VERSION + "-job.jar");
    }

    @Test
    void composeRunsTheJobJarOnFlinkOfTheBuildsVersionWithPipelineMainsOptions() throws Exception {
        JsonNode services = composeServices();
        for (String flink : List.of("jobmanager", "taskmanager")) {
            JsonNode service = services.path(flink);
            assertThat(service.path("image").asText()).as(flink).isEqualTo("flink:" + FLINK_VERSION + "-java17");
            // both: in application mode the TaskManagers load the job's classes from usrlib too
            assertThat(service.path("volumes")).extracting(JsonNode::asText).as(flink)
                    .contains("../../" + jobJarPath() + ":" + USRLIB_JAR + ":ro");
        }
        JsonNode jobManager = services.path("jobmanager");
        assertThat(jobManager.path("command").asText())
                .isEqualTo("standalone-job --job-classname " + PipelineMain.class.getName());
        List<String> env = new ArrayList<>();
        jobManager.path("environment").fieldNames().forEachRemaining(env::add);
        assertThat(env).filteredOn(n -> n.startsWith("ECOVALUE_")).isSubsetOf(knownEnvNames())
                .contains(PipelineMain.envName("bootstrap-servers"));
        assertThat(jobManager.path("environment").path(PipelineMain.envName("bootstrap-servers")).asText())
                .isEqualTo("kafka-1:9092,kafka-2:9092,kafka-3:9092");
    }

    @Test
    void composeCreatesEveryTopicOfTheCodeWithItsCleanupPolicyOnKafkaOfTheBuildsVersion() throws Exception {
        JsonNode services = composeServices();
        for (String k : List.of("kafka-1", "kafka-2", "kafka-3", "kafka-topics")) {
            assertThat(services.path(k).path("image").asText()).as(k).isEqualTo("apache/kafka:" + KAFKA_VERSION);
        }
        String script = services.path("kafka-topics").path("command").get(0).asText();
        Matcher create = Pattern.compile("(?m)^create (\\S+) (\\d+) (\\S+)$").matcher(script);
        Map<String, String> created = new HashMap<>();
        while (create.find()) {
            created.put(create.group(1), create.group(3));
        }
        assertThat(created).isEqualTo(topicsAndPolicies());
    }

    @Test
    void theKubernetesImageCarriesTheJobJarWhereTheFlinkDeploymentLooksForIt() throws Exception {
        List<String> dockerfile = Files.readAllLines(DEPLOY.resolve("flink/Dockerfile")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(dockerfile).containsExactly("FROM flink:" + FLINK_VERSION + "-java17",
                "COPY " + jobJarPath() + " " + USRLIB_JAR);

        JsonNode spec = flinkDeployment().path("spec");
        assertThat(spec.path("job").path("jarURI").asText()).isEqualTo("local://" + USRLIB_JAR);
        assertThat(spec.path("job").path("entryClass").asText()).isEqualTo(PipelineMain.class.getName());
        assertThat(spec.path("image").asText())
                .isEqualTo("registry.example.org/ecovalue/pipeline:" + VERSION.replace("-SNAPSHOT", ""));
        Map<String, String> env = new HashMap<>();
        for (JsonNode e : spec.path("podTemplate").path("spec").path("containers").get(0).path("env")) {
            env.put(e.path("name").asText(), e.path("value").asText());
        }
        assertThat(env.keySet()).filteredOn(n -> n.startsWith("ECOVALUE_")).isSubsetOf(knownEnvNames())
                .contains(PipelineMain.envName("bootstrap-servers"));
        // the S3 plugin ships inside Flink's image under the image's own version
        assertThat(env.get("ENABLE_BUILT_IN_PLUGINS")).isEqualTo("flink-s3-fs-hadoop-" + FLINK_VERSION + ".jar");
    }

    @Test
    void strimziCreatesEveryTopicOfTheCodeWithItsCleanupPolicy() throws Exception {
        Map<String, String> topics = new HashMap<>();
        for (JsonNode d : yamlDocuments(DEPLOY.resolve("k8s/kafka.yaml"))) {
            if (d.path("kind").asText().equals("KafkaTopic")) {
                topics.put(d.path("metadata").path("name").asText(),
                        d.path("spec").path("config").path("cleanup.policy").asText());
            }
        }
        assertThat(topics).isEqualTo(topicsAndPolicies());
    }
}
