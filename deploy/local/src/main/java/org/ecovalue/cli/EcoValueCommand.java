package org.ecovalue.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ecovalue}: the command line of EcoValue, a plain list of subcommands. Exit status 0 on
 * success, 1 on a failed check, 2 on bad usage.
 */
@Command(name = "ecovalue",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Real-time ecological monitoring: stations -> MQTT -> ingest -> Kafka -> Flink -> results.",
        subcommands = {
                LocalCommand.class,
                AssessCommand.class,
                Hj212Command.class,
                IngestCommand.class,
                DlqCommand.class,
                SimulateCommand.class,
                DashboardCommand.class,
                RegistryCommand.class,
                LedgerCommand.class,
                CommandLine.HelpCommand.class
        })
public final class EcoValueCommand implements Runnable {

    public static final int OK = 0;
    public static final int FAILED_CHECK = 1;
    public static final int BAD_USAGE = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    public static CommandLine commandLine() {
        // UTF-8 whatever the platform locale: station names and grades are Chinese
        return new CommandLine(new EcoValueCommand())
                .setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true))
                .setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? BAD_USAGE : FAILED_CHECK);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
