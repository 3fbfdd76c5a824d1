package org.ecovalue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecovalue.ingest.config.IngestOption;
import org.ecovalue.ingest.config.IngestOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {

    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void ingestHelpListsEveryConfigurationKeyWithItsEnvironmentVariable() {
        assertThat(run("ingest", "--help")).isZero();
        for (IngestOption o : IngestOptions.ALL) {
            assertThat(out.toString()).contains(o.key()).contains(o.env());
        }
        assertThat(out.toString()).contains("ECOVALUE_INGEST_MQTT_CLIENT_ID");
    }

    @Test
    void aConfigurationWithProblemsIsBadUsageNamingEachProblem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ingest.properties");
        Files.writeString(file, """
                mqtt.client-id=paho1234567890
                queue.capacity=0
                mqtt.topic-fliter=ecovalue/v1/+/+
                """);

        assertThat(run("ingest", "--check", "--config", file.toString())).isEqualTo(EcoValueCommand.BAD_USAGE);
        assertThat(err.toString()).contains("mqtt.client-id 'paho1234567890' looks generated")
                .contains("queue.capacity: 0 is outside 1..1000000")
                .contains("mqtt.topic-fliter: unknown option");
    }

    @Test
    void aGoodConfigurationPassesTheCheck(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ingest.properties");
        Files.writeString(file, "mqtt.client-id=ingest-a\nopcua.endpoints=s1\nopcua.s1.url=opc.tcp://127.0.0.1:4840\n"
                + "opcua.s1.station=SL390121000001\n");

        assertThat(run("ingest", "--check", "--config", file.toString())).isZero();
        assertThat(out.toString()).contains("configuration OK").contains("opcua endpoints 1");
    }

    @Test
    void dlqReplayHasHelp() {
        assertThat(run("dlq", "replay", "--help")).isZero();
        assertThat(out.toString()).contains("--reason").contains("--dry-run").contains("--config");
    }
}
