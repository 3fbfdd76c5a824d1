package org.ecovalue.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ecovalue.jobs.registry.RegistryPublisher;
import org.ecovalue.schemas.registry.InvalidRegistryException;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.RegistryLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecovalue registry …}: the registry of a deployment (basins, units, stations, sections, prices). */
@Command(name = "registry",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The registry of a deployment: units, grid cells, stations, sections, agreements, prices.",
        subcommands = {RegistryCommand.Publish.class, CommandLine.HelpCommand.class})
public final class RegistryCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand (publish)");
    }

    @Command(name = "publish",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                    "Validates registry YAML files and publishes every item to the compacted topic eco.registry "
                            + "(key {kind}/{id}); the running pipeline applies the change without a restart.",
                    "%nExit status: 0 when published, 1 when the registry is invalid (problems on stderr), "
                            + "2 on bad usage.%n"},
            sortOptions = false)
    static final class Publish implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0..*", arity = "1..*", paramLabel = "FILE", description = "Registry YAML file(s)")
        List<Path> files;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
                defaultValue = "${env:ECOVALUE_KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
                description = "Kafka brokers (env ECOVALUE_KAFKA_BOOTSTRAP_SERVERS; default: ${DEFAULT-VALUE}).")
        String bootstrapServers;

        @Override
        public Integer call() throws Exception {
            Registry registry;
            try {
                registry = RegistryLoader.load(files);
            } catch (InvalidRegistryException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return EcoValueCommand.FAILED_CHECK;
            }
            int n = RegistryPublisher.publish(registry, bootstrapServers);
            spec.commandLine().getOut().printf("published %d registry items to eco.registry at %s%n", n, bootstrapServers);
            return EcoValueCommand.OK;
        }
    }
}
