package org.ecovalue.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ecovalue.dashboard.Dashboard;
import org.ecovalue.dashboard.config.DashboardConfig;
import org.ecovalue.dashboard.config.DashboardSetting;
import org.ecovalue.dashboard.history.History;
import org.ecovalue.schemas.registry.InvalidRegistryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecovalue dashboard}: the live dashboard for basin authorities, until Ctrl-C. */
@Command(name = "dashboard",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Serves the live dashboard: compensation, inventory and alerts from Kafka, pushed to browsers over SSE.",
                "%nReads eco.compensation, eco.inventory, eco.alerts and eco.station-class (read_committed) from "
                        + "their beginning, serves the HTTP API (/api/agreements, /api/compensation, /api/sections, "
                        + "/api/inventory, /api/alerts, /api/events), /health and /metrics.%n"},
        footerHeading = "%nSettings (file key / environment variable, default: meaning):%n",
        modelTransformer = DashboardCommand.SettingsFooter.class,
        sortOptions = false)
public final class DashboardCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with the settings below; environment variables override it.")
    Path config;

    @Option(names = "--kafka", paramLabel = "HOST:PORT", description = "Overrides kafka.bootstrap.")
    String kafka;

    @Option(names = "--port", paramLabel = "PORT", description = "Overrides http.port.")
    Integer port;

    @Option(names = "--registry", paramLabel = "FILE", split = ",", description = "Overrides registry.")
    List<Path> registry;

    /** The settings table of {@code --help}, written from {@link DashboardSetting}: declared once. */
    public static final class SettingsFooter implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            spec.usageMessage().footer(Arrays.stream(DashboardSetting.values())
                    .map(s -> String.format("  %-18s %-40s %s: %s", s.key(), s.env(),
                            s.defaultValue().isEmpty() ? "(none)" : s.defaultValue(), s.description()))
                    .toArray(String[]::new));
            return spec;
        }
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Dashboard dashboard;
        DashboardConfig c;
        try {
            c = configuration();
            dashboard = new Dashboard(c, History.of(c)).start();
        } catch (IOException | InvalidRegistryException | IllegalArgumentException e) {
            // a missing file, a bad setting or registry: one line, no stack trace (exit 2)
            spec.commandLine().getErr().println("ecovalue dashboard: " + e.getMessage());
            return EcoValueCommand.BAD_USAGE;
        }
        System.out.println("EcoValue dashboard: " + dashboard.url() + "  (Kafka " + c.kafkaBootstrap() + "); Ctrl-C stops.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dashboard.close();
            stopped.countDown();
        }, "ecovalue-dashboard-shutdown"));
        stopped.await();
        return EcoValueCommand.OK;
    }

    private DashboardConfig configuration() throws IOException {
        DashboardConfig c = DashboardConfig.load(config, System.getenv());
        if (kafka != null) {
            c = c.withKafka(kafka);
        }
        if (port != null) {
            c = c.withHttp(c.httpHost(), port);
        }
        if (registry != null) {
            c = c.withRegistry(registry);
        }
        return c;
    }
}
