package org.ecovalue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EcoValueCommandTest {

    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void helpListsTheLocalSubcommandAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: ecovalue").contains("local");
    }

    @Test
    void localHelpDescribesItsOptions() {
        assertThat(run("local", "--help")).isZero();
        assertThat(out.toString()).contains("--data-dir").contains("--mqtt-port").contains("--kafka-port")
                .contains("--duration");
    }

    @Test
    void versionNamesTheProject() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("ecovalue ");
    }

    @Test
    void aTakenPortIsAFailedCheckReportedBeforeAnythingStarts(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int exit = run("local", "--data-dir", dataDir.toString(), "--mqtt-port", "0",
                    "--kafka-port", Integer.toString(taken.getLocalPort()), "--duration", "1s");

            assertThat(exit).isEqualTo(EcoValueCommand.FAILED_CHECK);
            assertThat(err.toString()).contains("port " + taken.getLocalPort() + " on 127.0.0.1 is in use")
                    .contains("--kafka-port");
            assertThat(dataDir).isEmptyDirectory();
        }
    }

    @Test
    void noSubcommandIsBadUsage() {
        assertThat(run()).isEqualTo(EcoValueCommand.BAD_USAGE);
        assertThat(err.toString()).contains("Missing subcommand");
    }

    @Test
    void unknownOptionsAndBadValuesAreBadUsage() {
        assertThat(run("local", "--bogus")).isEqualTo(EcoValueCommand.BAD_USAGE);
        assertThat(run("local", "--duration", "soon")).isEqualTo(EcoValueCommand.BAD_USAGE);
        assertThat(run("local", "--mqtt-port", "70000", "--duration", "1s")).isEqualTo(EcoValueCommand.BAD_USAGE);
        assertThat(err.toString()).contains("not a duration").contains("--mqtt-port must be 0..65535");
    }
}
