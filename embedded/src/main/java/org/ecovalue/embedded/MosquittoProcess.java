package org.ecovalue.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecovalue.embedded.tls.TestCertificateAuthority;

/**
 * Debian's Mosquitto 2.x as a second, non-embedded MQTT broker (PLATFORM.md: not started by the
 * package; 2.x needs an explicit listener and either anonymous access or a password file).
 * Persistent: sessions and queued QoS 1 messages survive {@link #restart()}, and with
 * {@code autosave_interval 1} most of them survive {@link #kill()} too.
 *
 * <pre>{@code
 * try (MosquittoProcess broker = MosquittoProcess.anonymous(tempDir)) {
 *     broker.start();
 *     connect(broker.url());
 * }
 * }</pre>
 */
public final class MosquittoProcess extends ServerProcess {

    private final int port;
    private final Map<String, String> users;
    private final String acl;
    private final TestCertificateAuthority tls;

    private MosquittoProcess(Path dir, int port, Map<String, String> users, String acl, TestCertificateAuthority tls) {
        super(dir);
        this.port = port;
        this.users = Map.copyOf(users);
        this.acl = acl;
        this.tls = tls;
    }

    /** Anonymous access, any topic: the simplest broker. */
    public static MosquittoProcess anonymous(Path dir) {
        return new MosquittoProcess(dir, freePort(), Map.of(), null, null);
    }

    /**
     * The same broker (not started yet) with its listener speaking TLS only, with the server
     * certificate of {@code ca}; {@link #url()} is then {@code ssl://127.0.0.1:PORT}.
     */
    public MosquittoProcess withTls(TestCertificateAuthority ca) {
        return new MosquittoProcess(dir, port, users, acl, ca);
    }

    /**
     * Password authentication and an access-control list in Mosquitto's syntax, e.g. a per-station
     * rule {@code pattern write ecovalue/v1/%u/#} (a station may publish only under its own id).
     */
    public static MosquittoProcess withAuth(Path dir, Map<String, String> usersAndPasswords, String aclFileText) {
        return new MosquittoProcess(dir, freePort(), new LinkedHashMap<>(usersAndPasswords), aclFileText, null);
    }

    public int port() {
        return port;
    }

    /** {@code tcp://127.0.0.1:PORT} (or {@code ssl://…} with TLS), as Paho wants it. */
    public String url() {
        return (tls == null ? "tcp" : "ssl") + "://127.0.0.1:" + port;
    }

    @Override
    protected String name() {
        return "mosquitto";
    }

    @Override
    protected int readinessPort() {
        return port;
    }

    @Override
    protected List<String> command() throws IOException {
        Path persistence = Files.createDirectories(dir.resolve("persistence"));
        List<String> conf = new ArrayList<>(List.of(
                "listener " + port + " 127.0.0.1",
                "persistence true",
                "persistence_location " + persistence + "/",
                "autosave_interval 1",
                "max_queued_messages 100000",
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                // as root Mosquitto drops to user "mosquitto", which cannot read a test's private temp dir
                "user " + System.getProperty("user.name")));
        if (tls != null) {
            // settings of the listener above (docs/ingest.md shows the same for production)
            conf.add(1, "cafile " + tls.caFile());
            conf.add(2, "certfile " + tls.serverCertFile());
            conf.add(3, "keyfile " + tls.serverKeyFile());
        }
        if (users.isEmpty()) {
            conf.add("allow_anonymous true");
        } else {
            conf.add("allow_anonymous false");
            conf.add("password_file " + writePasswordFile());
            if (acl != null) {
                Path aclFile = dir.resolve("acl");
                Files.writeString(aclFile, acl, StandardCharsets.UTF_8);
                conf.add("acl_file " + aclFile);
            }
        }
        Path confFile = dir.resolve("mosquitto.conf");
        Files.write(confFile, conf, StandardCharsets.UTF_8);
        return List.of(binary(), "-c", confFile.toString());
    }

    /** Hashes the passwords with mosquitto_passwd (the package's own tool, so the format always matches). */
    private Path writePasswordFile() throws IOException {
        Path file = dir.resolve("passwd");
        Files.deleteIfExists(file);
        Files.createFile(file);
        for (Map.Entry<String, String> u : users.entrySet()) {
            Process p = new ProcessBuilder("mosquitto_passwd", "-b", file.toString(), u.getKey(), u.getValue())
                    .redirectErrorStream(true).start();
            try {
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() != 0) {
                    throw new IOException("mosquitto_passwd failed for " + u.getKey() + ": " + output);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while hashing passwords", e);
            }
        }
        return file;
    }

    private static String binary() {
        // Debian installs it in /usr/sbin, which is not on every user's PATH
        return Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto";
    }
}
