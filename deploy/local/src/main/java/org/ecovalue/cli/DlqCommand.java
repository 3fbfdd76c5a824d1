package org.ecovalue.cli;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ecovalue.ingest.IngestService;
import org.ecovalue.ingest.config.IngestConfig;
import org.ecovalue.ingest.dlq.DlqReplay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecovalue dlq replay}: feed eco.ingest.dlq back through ingest's intake. */
@Command(name = "dlq",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Dead-letter queue (eco.ingest.dlq) tools.",
        subcommands = DlqCommand.Replay.class)
public final class DlqCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand (replay)");
    }

    @Command(name = "replay",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                    "Re-reads eco.ingest.dlq from the beginning and re-publishes to eco.observations every",
                    "record the intake now accepts (e.g. after a registry fix). Records still rejected are",
                    "counted by reason, not re-published; the DLQ is left as it is."},
            sortOptions = false)
    public static final class Replay implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE",
                description = "The ingest configuration (Kafka, registry, HJ 212 zone); see ecovalue ingest --help.")
        Path config;

        @Option(names = "--reason", paramLabel = "CODE", split = ",",
                description = "Only records with these reasons (e.g. unknown-station); default: all.")
        Set<String> reasons;

        @Option(names = "--dry-run", description = "Decide and report, publish nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws Exception {
            IngestConfig cfg;
            try {
                cfg = IngestConfig.load(config, System.getenv());
            } catch (IngestConfig.InvalidConfigException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return EcoValueCommand.BAD_USAGE;
            }
            DlqReplay.Result r = new DlqReplay(cfg.kafkaBootstrap(), IngestService.intake(cfg))
                    .replay(rec -> reasons == null || reasons.contains(rec.reason()), dryRun);
            spec.commandLine().getOut().printf("read=%d accepted=%d stillRejected=%s skipped=%d%s%n", r.read(),
                    r.accepted(), r.stillRejected(), r.skipped(), dryRun ? " (dry run)" : "");
            return EcoValueCommand.OK;
        }
    }
}
