package org.ecovalue.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ecovalue local --duration …} starts the stack, runs for that long and exits 0 after a clean stop. */
class LocalCommandIT {

    @TempDir
    Path dataDir;

    @Test
    void aBoundedRunStartsPrintsWhereThingsListenAndStopsCleanly() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            exit = EcoValueCommand.commandLine().execute("local", "--data-dir", dataDir.toString(),
                    "--mqtt-port", "0", "--kafka-port", "0", "--duration", "3s", "--interval", "500ms");
        } finally {
            System.setOut(stdout);
        }
        String terminal = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(terminal).isZero();
        assertThat(terminal).contains("MQTT broker  tcp://127.0.0.1:").contains("Kafka        127.0.0.1:")
                .contains("Stopping after PT3S").contains("Stopped.");
        assertThat(dataDir.resolve("kafka/cluster.id")).exists();
        assertThat(dataDir.resolve("hivemq/conf/config.xml")).exists();
    }
}
