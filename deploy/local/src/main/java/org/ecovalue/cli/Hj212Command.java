package org.ecovalue.cli;

import java.io.BufferedReader;
import java.io.Writer;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.ecovalue.schemas.hj212.Hj212Decoder;
import org.ecovalue.schemas.hj212.Hj212JsonLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecovalue hj212 …}: tools for HJ 212-2017/2025 packets. */
@Command(name = "hj212",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Tools for HJ 212 (2005/2017/2025) data-transmission packets.",
        subcommands = {Hj212Command.Decode.class, CommandLine.HelpCommand.class})
public final class Hj212Command implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand (decode)");
    }

    @Command(name = "decode",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                    "Decodes HJ 212 packets, one per line, into one JSON line each.",
                    "%nA data packet gives the observation (station = MN, ts = DataTime as epoch ms, readings in "
                            + "canonical units) with cn, version, qn and any unmapped factors; a command or "
                            + "acknowledgement gives {\"packet\": …}; a packet that is refused gives "
                            + "{\"error\": REASON, \"detail\": …} (bad-length, bad-crc, byte-swapped-crc, unknown-cn, "
                            + "missing-datatime, non-numeric-value …). Blank lines are skipped.",
                    "%nExit status: 0 when every packet decoded, 1 when at least one was refused, 2 on bad usage.%n"},
            sortOptions = false)
    static final class Decode implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", arity = "0..1",
                description = "File of packets, or - for standard input (default)")
        String file;

        @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Asia/Shanghai",
                description = "Zone of DataTime (local time in the standard; default: ${DEFAULT-VALUE}).")
        ZoneId zone;

        @Option(names = "--tolerant", description = "Accept byte-swapped CRCs and unknown CNs, reporting them "
                + "under \"tolerated\" (default: strict).")
        boolean tolerant;

        @Override
        public Integer call() throws Exception {
            Hj212Decoder decoder = new Hj212Decoder(zone, tolerant ? Hj212Decoder.Mode.TOLERANT : Hj212Decoder.Mode.STRICT);
            int decoded = 0;
            int refused = 0;
            Writer out = spec.commandLine().getOut();
            try (BufferedReader in = new BufferedReader(InputSource.open(spec, file, System.in))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    Hj212JsonLines.Line rendered = Hj212JsonLines.renderLine(line, decoder);
                    if (rendered.refused()) {
                        refused++;
                    } else {
                        decoded++;
                    }
                    out.write(rendered.json());
                    out.write('\n');
                }
            }
            out.flush();
            spec.commandLine().getErr().printf("decoded %d packets, refused %d%n", decoded, refused);
            return refused == 0 ? EcoValueCommand.OK : EcoValueCommand.FAILED_CHECK;
        }
    }
}
