package org.ecovalue.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server run as a child process on loopback (Debian's mosquitto and influxd here; a Kafka broker or
 * a Flink JobManager in their own JVMs elsewhere): started with a generated configuration, ready when
 * its port accepts connections, stopped with SIGTERM (a clean shutdown) or killed (a crash). Its
 * output goes to a log file in its directory, so a failing test can show it. A process still running
 * when this JVM exits is killed by a shutdown hook: a failed test leaves nothing behind.
 */
public abstract class ServerProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerProcess.class);

    protected final Path dir;
    private Process process;
    private Thread reaper;

    protected ServerProcess(Path dir) {
        this.dir = dir;
    }

    /** The command line, once the configuration is written. */
    protected abstract List<String> command() throws IOException;

    /** The port that accepts connections once the server is ready. */
    protected abstract int readinessPort();

    protected abstract String name();

    /** How long the port may take to open: a JVM that loads a large class path needs longer than a C server. */
    protected Duration startTimeout() {
        return Duration.ofSeconds(30);
    }

    /** Where the process's output goes. */
    public Path logFile() {
        return dir.resolve(name() + ".log");
    }

    /** Starts the server and waits until it accepts connections. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            List<String> cmd = command();
            Path log = logFile();
            process = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Process started = process;
            reaper = new Thread(() -> started.destroyForcibly(), name() + "-reaper");
            Runtime.getRuntime().addShutdownHook(reaper);
            awaitPort(readinessPort(), startTimeout(), log);
            LOG.info("event=started server={} port={} pid={}", name(), readinessPort(), process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name() + " (is the Debian package installed? "
                    + ".ci/run installs it)", e);
        }
    }

    /** Clean shutdown (SIGTERM): the server saves what it persists. */
    public synchronized void stop() {
        halt(false);
    }

    /** Crash (SIGKILL): nothing is saved beyond what the server already wrote. */
    public synchronized void kill() {
        halt(true);
    }

    /** Stops cleanly and starts again on the same port with the same data. */
    public synchronized void restart() {
        stop();
        start();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The process, while it runs (to watch its memory, say). */
    public synchronized java.util.Optional<ProcessHandle> handle() {
        return isRunning() ? java.util.Optional.of(process.toHandle()) : java.util.Optional.empty();
    }

    private void halt(boolean forcibly) {
        if (process == null) {
            return;
        }
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        awaitPortClosed(readinessPort());
        LOG.info("event=stopped server={} forcibly={}", name(), forcibly);
        process = null;
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing to remove
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitPort(int port, Duration timeout, Path log) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name() + " exited with " + process.exitValue() + ": " + tail(log));
            }
            if (accepts(port)) {
                return;
            }
            pause();
        }
        process.destroyForcibly();
        throw new IOException(name() + " did not listen on port " + port + " within " + timeout + ": " + tail(log));
    }

    private static void awaitPortClosed(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (accepts(port) && System.nanoTime() < deadline) {
            pause();
        }
    }

    /** A short wait between two polls of a port: the process gives no other readiness signal. */
    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** A port free on loopback now (the OS may hand it out again later; fine for tests). */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
