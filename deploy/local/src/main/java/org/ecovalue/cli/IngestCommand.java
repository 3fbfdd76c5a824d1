package org.ecovalue.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ecovalue.ingest.IngestService;
import org.ecovalue.ingest.config.IngestConfig;
import org.ecovalue.ingest.config.IngestOption;
import org.ecovalue.ingest.config.IngestOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecovalue ingest --config FILE}: MQTT and OPC UA into Kafka until stopped (SIGTERM drains). */
@Command(name = "ingest",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Subscribes to MQTT (JSON and HJ 212) and OPC UA endpoints and writes observations to",
                "eco.observations, bad input to eco.ingest.dlq. Serves /metrics and /health.",
                "Configuration: a properties FILE, each key overridable by its environment variable.%n"},
        footerHeading = "%nConfiguration keys (file key / environment variable, default):%n",
        sortOptions = false)
public final class IngestCommand implements Callable<Integer> {

    CommandSpec spec;

    /** The footer lists every key of {@link IngestOptions}, so --help and the docs come from one declaration. */
    @Spec
    void spec(CommandSpec commandSpec) {
        this.spec = commandSpec;
        commandSpec.usageMessage().footer(optionsHelp().replace("%", "%%"));
    }

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (Java properties).")
    Path config;

    @Option(names = "--check", description = "Validate the configuration and exit.")
    boolean check;

    public static String optionsHelp() {
        StringBuilder b = new StringBuilder();
        for (IngestOption o : IngestOptions.ALL) {
            b.append(String.format("  %-30s %s%n      %s%s%n", o.key(), o.env(),
                    o.description(), o.defaultValue() == null ? "" : " (default: " + o.defaultValue() + ")"));
        }
        return b.toString();
    }

    @Override
    public Integer call() throws Exception {
        IngestConfig cfg;
        try {
            cfg = IngestConfig.load(config, System.getenv());
        } catch (IngestConfig.InvalidConfigException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return EcoValueCommand.BAD_USAGE;
        }
        if (check) {
            spec.commandLine().getOut().println("configuration OK: " + cfg.mqtt().map(Object::toString).orElse("mqtt off")
                    + ", opcua endpoints " + cfg.opcua().size());
            return EcoValueCommand.OK;
        }
        IngestService service = IngestService.create(cfg);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception e) {
                System.err.println("ingest: shutdown failed: " + e);
            }
            stopped.countDown();
        }, "ingest-shutdown"));
        service.start();
        while (!service.hasFailed()) {
            if (stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
                return EcoValueCommand.OK;
            }
        }
        spec.commandLine().getErr().println("ingest: Kafka refused a record for good; stopping (unacknowledged "
                + "messages are redelivered on restart)");
        return EcoValueCommand.FAILED_CHECK;
    }
}
