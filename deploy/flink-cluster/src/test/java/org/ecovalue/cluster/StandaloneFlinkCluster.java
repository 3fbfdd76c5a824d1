package org.ecovalue.cluster;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;
import org.ecovalue.embedded.ServerProcess;

/**
 * A Flink standalone session cluster from Flink's artifacts on Maven Central (PLATFORM.md: there is no
 * flink-dist there): a JobManager ({@code StandaloneSessionClusterEntrypoint}) and one TaskManager
 * ({@code TaskManagerRunner}), each in its own JVM on loopback with free ports, configured by a
 * {@code conf/config.yaml} as a distribution's {@code conf} folder would be. Jobs are submitted as
 * {@code bin/flink run -d} does it ({@code CliFrontend}, a third JVM); the REST API reports on them.
 */
final class StandaloneFlinkCluster implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(3);

    private final Path dir;
    private final Path confDir;
    private final String classPath;
    private final List<String> opens;
    private final int restPort = ServerProcess.freePort();
    private final FlinkProcess jobManager;
    private final FlinkProcess taskManager;
    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * @param classPath the cluster's class path: flink-clients, flink-streaming-java and a logging binding
     *                  (Flink logs through SLF4J) — never the job's classes, which come in the job jar
     * @param opens     Flink's {@code --add-opens} list for Java 17
     * @param slots     task slots of the one TaskManager
     */
    StandaloneFlinkCluster(Path dir, String classPath, List<String> opens, int slots) throws IOException {
        this.dir = dir;
        this.confDir = dir.resolve("conf");
        this.classPath = classPath;
        this.opens = List.copyOf(opens);
        int jobManagerRpcPort = ServerProcess.freePort();
        int taskManagerRpcPort = ServerProcess.freePort();
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("jobmanager.rpc.address", "127.0.0.1");
        conf.put("jobmanager.rpc.port", String.valueOf(jobManagerRpcPort));
        conf.put("jobmanager.bind-host", "127.0.0.1");
        conf.put("rest.address", "127.0.0.1");
        conf.put("rest.bind-address", "127.0.0.1");
        conf.put("rest.port", String.valueOf(restPort));
        conf.put("taskmanager.host", "127.0.0.1");
        conf.put("taskmanager.bind-host", "127.0.0.1");
        conf.put("taskmanager.rpc.port", String.valueOf(taskManagerRpcPort));
        conf.put("taskmanager.numberOfTaskSlots", String.valueOf(slots));
        conf.put("parallelism.default", String.valueOf(slots));
        // small and bounded (heap ≈ 450 MB JobManager, ≈ 560 MB TaskManager): two cores, other tests beside us
        conf.put("jobmanager.memory.process.size", "1024m");
        conf.put("taskmanager.memory.process.size", "1280m");
        conf.put("taskmanager.memory.managed.size", "64m");
        // a failing job fails the test instead of restarting for ever (PLATFORM.md)
        conf.put("restart-strategy.type", "none");
        conf.put("io.tmp.dirs", dir.resolve("tmp").toAbsolutePath().toString());
        conf.put("blob.storage.directory", dir.resolve("blobs").toAbsolutePath().toString());
        writeConf(conf);

        Configuration flinkConf = Configuration.fromMap(conf);
        JobManagerProcessSpec jm = JobManagerProcessUtils.processSpecFromConfig(flinkConf);
        jobManager = new FlinkProcess(dir, "jobmanager", restPort,
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", classPath, confDir, opens,
                JobManagerProcessUtils.generateJvmParametersStr(jm, flinkConf),
                JobManagerProcessUtils.generateDynamicConfigsStr(jm));
        TaskExecutorProcessSpec tm = TaskExecutorProcessUtils.processSpecFromConfig(flinkConf);
        taskManager = new FlinkProcess(dir, "taskmanager", taskManagerRpcPort,
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", classPath, confDir, opens,
                ProcessMemoryUtils.generateJvmParametersStr(tm),
                TaskExecutorProcessUtils.generateDynamicConfigsStr(tm));
    }

    private void writeConf(Map<String, String> conf) throws IOException {
        Files.createDirectories(confDir);
        List<String> yaml = new ArrayList<>();
        conf.forEach((k, v) -> yaml.add(k + ": " + v));
        Files.write(confDir.resolve("config.yaml"), yaml, StandardCharsets.UTF_8);
        Files.writeString(confDir.resolve("logback.xml"), """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} %msg%n</pattern></encoder>
                  </appender>
                  <logger name="org.apache.kafka" level="WARN"/>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """, StandardCharsets.UTF_8);
    }

    /** Starts the JobManager, then the TaskManager, and waits until the TaskManager has registered. */
    StandaloneFlinkCluster start() {
        jobManager.start();
        taskManager.start();
        await("the TaskManager registers with the JobManager").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> rest("/taskmanagers").path("taskmanagers").size() == 1);
        return this;
    }

    String restUrl() {
        return "http://127.0.0.1:" + restPort;
    }

    Path jobManagerLog() {
        return jobManager.logFile();
    }

    Path taskManagerLog() {
        return taskManager.logFile();
    }

    /**
     * Submits a job jar detached, as {@code bin/flink run -d JAR ARGS} does: the jar's main runs in a client
     * JVM with the cluster's configuration, builds the job graph and hands it to the JobManager over REST;
     * the JobManager ships the jar to the TaskManager through its blob server.
     */
    void submit(Path jobJar, List<String> programArgs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("run", "--detached", jobJar.toAbsolutePath().toString()));
        args.addAll(programArgs);
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m",
                "-Dlogback.configurationFile=" + confDir.resolve("logback.xml").toUri()));
        jvm.addAll(opens);
        JavaCommand.runToCompletion("flink run", JavaCommand.of(dir.resolve("client.classpath"), classPath, jvm,
                "org.apache.flink.client.cli.CliFrontend", args),
                Map.of("FLINK_CONF_DIR", confDir.toAbsolutePath().toString()), dir.resolve("flink-run.log"),
                SUBMIT_TIMEOUT);
    }

    /** The state (RUNNING, FAILED …) of the job of that name, as the JobManager's REST API reports it. */
    Optional<String> jobState(String jobName) throws IOException, InterruptedException {
        for (JsonNode job : rest("/jobs/overview").path("jobs")) {
            if (job.path("name").asText().equals(jobName)) {
                return Optional.of(job.path("state").asText());
            }
        }
        return Optional.empty();
    }

    /**
     * How many records each task of the job has read so far, summed over its subtasks, by the task's name
     * (a chain's name: {@code compensation-ledger -> compensation-sink: Writer -> …}), and its parallelism.
     * From the REST API's metrics, which the JobManager refreshes every few seconds.
     */
    Map<String, long[]> recordsReadAndParallelism(String jobName) throws IOException, InterruptedException {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (JsonNode job : rest("/jobs/overview").path("jobs")) {
            if (job.path("name").asText().equals(jobName)) {
                for (JsonNode v : rest("/jobs/" + job.path("jid").asText()).path("vertices")) {
                    out.put(v.path("name").asText(), new long[] {
                            v.path("metrics").path("read-records").asLong(), v.path("parallelism").asLong()});
                }
            }
        }
        return out;
    }

    /** Why a job failed, from {@code /jobs/{id}/exceptions}: the root exception's text, or empty. */
    String failureCause(String jobName) throws IOException, InterruptedException {
        for (JsonNode job : rest("/jobs/overview").path("jobs")) {
            if (job.path("name").asText().equals(jobName)) {
                return rest("/jobs/" + job.path("jid").asText() + "/exceptions").path("root-exception").asText();
            }
        }
        return "";
    }

    private JsonNode rest(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(restUrl() + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Resident memory of the JobManager and the TaskManager in MB, from /proc (Linux). */
    String residentMemory() {
        return "jobmanager=" + residentMb(jobManager) + "MB taskmanager=" + residentMb(taskManager) + "MB";
    }

    private static long residentMb(FlinkProcess p) {
        return p.handle().map(h -> {
            try {
                return Files.readAllLines(Path.of("/proc", String.valueOf(h.pid()), "status")).stream()
                        .filter(l -> l.startsWith("VmRSS:")).findFirst()
                        .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).orElse(-1L);
            } catch (IOException e) {
                return -1L;
            }
        }).orElse(-1L);
    }

    /**
     * Cancels the jobs still running (their Kafka transactions are aborted, not left to time out), then
     * stops the TaskManager and the JobManager (SIGTERM, then SIGKILL if they linger).
     */
    @Override
    public void close() {
        try {
            cancelRunningJobs();
        } finally {
            try {
                taskManager.close();
            } finally {
                jobManager.close();
            }
        }
    }

    private void cancelRunningJobs() {
        try {
            for (JsonNode job : rest("/jobs/overview").path("jobs")) {
                if (job.path("state").asText().equals("RUNNING")) {
                    http.send(HttpRequest.newBuilder(URI.create(restUrl() + "/jobs/" + job.path("jid").asText()
                                    + "?mode=cancel")).timeout(Duration.ofSeconds(10))
                            .method("PATCH", HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.discarding());
                }
            }
            await("jobs cancelled").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> rest("/jobs/overview").findValues("state").stream()
                            .noneMatch(s -> s.asText().equals("RUNNING") || s.asText().equals("CANCELLING")));
        } catch (Exception e) {
            // the cluster may not have come up (or is already gone): stopping the processes is what matters
        }
    }
}
