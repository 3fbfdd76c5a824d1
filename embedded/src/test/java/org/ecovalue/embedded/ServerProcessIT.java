package org.ecovalue.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Debian servers start, answer, keep their data across a restart and stop. */
class ServerProcessIT {

    @Test
    void influxDbKeepsAWrittenPointAcrossARestart(@TempDir Path dir) throws Exception {
        try (InfluxDbProcess influx = new InfluxDbProcess(dir)) {
            influx.start();
            influx.createDatabase("ecovalue");
            HttpResponse<String> write = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(influx.url() + "/write?db=ecovalue&precision=s"))
                            .POST(HttpRequest.BodyPublishers.ofString("reading,station=S1,param=nh3n value=0.42 1763769600"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(write.statusCode()).isEqualTo(204);

            influx.restart();

            assertThat(influx.query("SELECT value FROM ecovalue..reading WHERE station = 'S1'"))
                    .contains("0.42").contains("2025-11-22T00:00:00Z");
        }
    }

    @Test
    void mosquittoRefusesAStationPublishingForAnotherWhenTheAclSaysSo(@TempDir Path dir) throws Exception {
        // DESIGN.md: a station may publish only under its own id; ingest reads everything
        String acl = """
                user ingest
                topic read ecovalue/v1/#

                pattern write ecovalue/v1/%u/#
                """;
        try (MosquittoProcess broker = MosquittoProcess.withAuth(dir,
                Map.of("S1", "secret-1", "S2", "secret-2", "ingest", "secret-i"), acl)) {
            broker.start();
            // stdbuf: line-buffered, so the SUBACK line reaches us while it waits (a pipe is block-buffered)
            Process sub = new ProcessBuilder("stdbuf", "-oL", "mosquitto_sub", "-d", "-h", "127.0.0.1", "-p", Integer.toString(broker.port()),
                    "-u", "ingest", "-P", "secret-i", "-q", "1", "-t", "ecovalue/v1/#", "-v", "-C", "1", "-W", "30")
                    .redirectErrorStream(true).start();
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(sub.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.contains("SUBACK")) {
                // wait until the subscription is in place
            }
            assertThat(pub(broker, "S1", "wrong", "ecovalue/v1/S1/obs", "bad-password")).isNotZero();
            // the broker accepts the PUBLISH but drops it: MQTT 3.1.1 has no way to say no
            pub(broker, "S1", "secret-1", "ecovalue/v1/S2/obs", "forged");
            assertThat(pub(broker, "S1", "secret-1", "ecovalue/v1/S1/obs", "genuine")).isZero();

            StringBuilder received = new StringBuilder();
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ecovalue/")) {
                    received.append(line);
                }
            }
            assertThat(sub.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // -C 1: the first message that reached the reader is the genuine one
            assertThat(received.toString()).isEqualTo("ecovalue/v1/S1/obs genuine");
        }
    }

    @Test
    void aStoppedBrokerNoLongerAcceptsConnections(@TempDir Path dir) {
        MosquittoProcess broker = MosquittoProcess.anonymous(dir);
        broker.start();
        assertThat(broker.isRunning()).isTrue();
        broker.kill();
        assertThat(broker.isRunning()).isFalse();
        assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", broker.port())).isInstanceOf(java.io.IOException.class);
    }

    private static int pub(MosquittoProcess broker, String user, String password, String topic, String message)
            throws Exception {
        Process p = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(broker.port()),
                "-u", user, "-P", password, "-q", "1", "-t", topic, "-m", message)
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
