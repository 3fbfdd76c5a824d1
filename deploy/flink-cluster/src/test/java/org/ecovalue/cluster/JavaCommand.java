package org.ecovalue.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command line of a child JVM with this JVM's {@code java}. The class path goes into an argument
 * file ({@code java @file}): a test class path of a few hundred jars is longer than one argument may be.
 */
final class JavaCommand {

    private JavaCommand() {
    }

    static List<String> of(Path argFile, String classPath, List<String> jvmOptions, String mainClass,
                           List<String> args) throws IOException {
        Files.createDirectories(argFile.getParent());
        Files.writeString(argFile, "-cp\n" + classPath + "\n", StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("@" + argFile);
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** Runs a one-shot tool ({@code what}) to completion; its output goes to {@code log}, its tail into the error. */
    static void runToCompletion(String what, List<String> cmd, Map<String, String> env, Path log, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException(what + " did not finish within " + timeout + ": " + tail(log));
            }
            if (p.exitValue() != 0) {
                throw new IOException(what + " failed with exit code " + p.exitValue() + ": " + tail(log));
            }
        } finally {
            p.destroyForcibly();
        }
    }

    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return "(" + log + ")\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
