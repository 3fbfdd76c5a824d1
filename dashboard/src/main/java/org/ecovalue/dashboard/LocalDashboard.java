package org.ecovalue.dashboard;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecovalue.dashboard.config.DashboardConfig;
import org.ecovalue.dashboard.config.DashboardSetting;
import org.ecovalue.dashboard.history.History;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard as {@code ecovalue local} runs it: settings from the environment, the given Kafka;
 * the port of ECOVALUE_DASHBOARD_HTTP_PORT, else 8080 when free, else any free port (the stack's
 * banner prints the address); the registry deploy/config/default.yaml looked for from the working
 * directory upwards unless ECOVALUE_DASHBOARD_REGISTRY names one; InfluxDB history when
 * ECOVALUE_DASHBOARD_INFLUX_URL is set.
 */
public final class LocalDashboard {

    private static final Logger LOG = LoggerFactory.getLogger(LocalDashboard.class);

    private LocalDashboard() {
    }

    /** The started dashboard, or empty (and a log line) when no registry file can be found. */
    public static Optional<Dashboard> start(String kafkaBootstrap, Map<String, String> env) throws Exception {
        DashboardConfig config = DashboardConfig.load(null, env).withKafka(kafkaBootstrap);
        if (!env.containsKey(DashboardSetting.REGISTRY.env())) {
            Path dir = Path.of("").toAbsolutePath();
            String registry = DashboardSetting.REGISTRY.defaultValue();
            while (dir != null && !Files.exists(dir.resolve(registry))) {
                dir = dir.getParent();
            }
            if (dir == null) {
                LOG.warn("event=dashboard-skipped reason=\"no {} in the working directory or above; set {}\"",
                        registry, DashboardSetting.REGISTRY.env());
                return Optional.empty();
            }
            config = config.withRegistry(List.of(dir.resolve(registry)));
        }
        if (!env.containsKey(DashboardSetting.HTTP_PORT.env()) && !isFree(config.httpPort())) {
            config = config.withHttp(config.httpHost(), 0);
        }
        return Optional.of(new Dashboard(config, History.of(config)).start());
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
