package org.ecovalue.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecovalue.embedded.ServerProcess;

/**
 * One JVM of a standalone Flink cluster, started as Flink's own scripts start it: the entry point's class,
 * {@code --configDir}, the memory flags and {@code -D} settings Flink derives from the configuration (what
 * {@code BashJavaUtils GET_JM_RESOURCE_PARAMS / GET_TM_RESOURCE_PARAMS} prints), and Flink's
 * {@code --add-opens} list.
 */
final class FlinkProcess extends ServerProcess {

    private final String name;
    private final int port;
    private final String mainClass;
    private final String classPath;
    private final Path confDir;
    private final List<String> jvmOptions;
    private final List<String> dynamicSettings;

    /**
     * @param port            the port that opens once the process is up (JobManager: REST; TaskManager: RPC)
     * @param memoryJvmParams Flink's generated {@code -Xmx … -XX:MaxMetaspaceSize=…}
     * @param dynamicSettings Flink's generated {@code -D key=value …} (the resolved memory sizes)
     */
    FlinkProcess(Path dir, String name, int port, String mainClass, String classPath, Path confDir,
                 List<String> opens, String memoryJvmParams, String dynamicSettings) {
        super(dir);
        this.name = name;
        this.port = port;
        this.mainClass = mainClass;
        this.classPath = classPath;
        this.confDir = confDir;
        List<String> jvm = new ArrayList<>(words(memoryJvmParams));
        jvm.addAll(opens);
        jvm.add("-Dlogback.configurationFile=" + confDir.resolve("logback.xml").toUri());
        this.jvmOptions = List.copyOf(jvm);
        this.dynamicSettings = words(dynamicSettings);
    }

    static List<String> words(String s) {
        return Arrays.stream(s.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    @Override
    protected String name() {
        return name;
    }

    @Override
    protected int readinessPort() {
        return port;
    }

    @Override
    protected Duration startTimeout() {
        return Duration.ofMinutes(2);
    }

    @Override
    protected List<String> command() throws IOException {
        List<String> args = new ArrayList<>(List.of("--configDir", confDir.toString()));
        args.addAll(dynamicSettings);
        return JavaCommand.of(dir.resolve(name + ".classpath"), classPath, jvmOptions, mainClass, args);
    }
}
