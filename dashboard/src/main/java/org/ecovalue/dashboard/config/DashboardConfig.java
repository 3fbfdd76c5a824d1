package org.ecovalue.dashboard.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The dashboard's configuration: defaults of {@link DashboardSetting}, overridden by a properties
 * file, overridden by environment variables. Validated here, before anything starts.
 */
public record DashboardConfig(
        String kafkaBootstrap,
        String httpHost,
        int httpPort,
        List<Path> registryFiles,
        Duration pushInterval,
        int alertsKept,
        int trendPoints,
        String influxUrl,
        String influxDatabase) {

    public DashboardConfig {
        require(kafkaBootstrap != null && !kafkaBootstrap.isBlank(), DashboardSetting.KAFKA_BOOTSTRAP, "is empty");
        require(httpPort >= 0 && httpPort <= 65535, DashboardSetting.HTTP_PORT, "must be 0..65535, got " + httpPort);
        require(registryFiles != null && !registryFiles.isEmpty(), DashboardSetting.REGISTRY, "names no file");
        registryFiles = List.copyOf(registryFiles);
        require(pushInterval != null && !pushInterval.isNegative() && !pushInterval.isZero(),
                DashboardSetting.PUSH_INTERVAL_MS, "must be positive");
        require(alertsKept > 0, DashboardSetting.ALERTS_KEPT, "must be positive");
        require(trendPoints > 1, DashboardSetting.TREND_POINTS, "must be at least 2");
        influxUrl = influxUrl == null || influxUrl.isBlank() ? null : influxUrl.strip();
    }

    private static void require(boolean ok, DashboardSetting setting, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(setting.key() + " (" + setting.env() + ") " + problem);
        }
    }

    public boolean hasInflux() {
        return influxUrl != null;
    }

    /** Defaults, then {@code file} (may be null), then the environment. */
    public static DashboardConfig load(Path file, Map<String, String> env) throws IOException {
        Map<DashboardSetting, String> values = new EnumMap<>(DashboardSetting.class);
        for (DashboardSetting s : DashboardSetting.values()) {
            values.put(s, s.defaultValue());
        }
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            for (String key : p.stringPropertyNames()) {
                DashboardSetting s = Arrays.stream(DashboardSetting.values()).filter(x -> x.key().equals(key))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown setting '" + key
                                + "' in " + file + " (known: " + Arrays.stream(DashboardSetting.values())
                                .map(DashboardSetting::key).collect(Collectors.joining(", ")) + ")"));
                values.put(s, p.getProperty(key).strip());
            }
        }
        for (DashboardSetting s : DashboardSetting.values()) {
            String v = env.get(s.env());
            if (v != null) {
                values.put(s, v.strip());
            }
        }
        return of(values);
    }

    public static DashboardConfig defaults() {
        try {
            return load(null, Map.of());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DashboardConfig of(Map<DashboardSetting, String> v) {
        return new DashboardConfig(
                v.get(DashboardSetting.KAFKA_BOOTSTRAP),
                v.get(DashboardSetting.HTTP_HOST),
                integer(v, DashboardSetting.HTTP_PORT),
                Arrays.stream(v.get(DashboardSetting.REGISTRY).split(",")).map(String::strip)
                        .filter(x -> !x.isEmpty()).map(Path::of).toList(),
                Duration.ofMillis(integer(v, DashboardSetting.PUSH_INTERVAL_MS)),
                integer(v, DashboardSetting.ALERTS_KEPT),
                integer(v, DashboardSetting.TREND_POINTS),
                v.get(DashboardSetting.INFLUX_URL),
                v.get(DashboardSetting.INFLUX_DATABASE));
    }

    private static int integer(Map<DashboardSetting, String> v, DashboardSetting s) {
        try {
            return Integer.parseInt(v.get(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(s.key() + " (" + s.env() + ") is not a whole number: '" + v.get(s) + "'");
        }
    }

    public DashboardConfig withKafka(String bootstrap) {
        return new DashboardConfig(bootstrap, httpHost, httpPort, registryFiles, pushInterval, alertsKept, trendPoints,
                influxUrl, influxDatabase);
    }

    public DashboardConfig withHttp(String host, int port) {
        return new DashboardConfig(kafkaBootstrap, host, port, registryFiles, pushInterval, alertsKept, trendPoints,
                influxUrl, influxDatabase);
    }

    public DashboardConfig withRegistry(List<Path> files) {
        return new DashboardConfig(kafkaBootstrap, httpHost, httpPort, files, pushInterval, alertsKept, trendPoints,
                influxUrl, influxDatabase);
    }

    public DashboardConfig withPushInterval(Duration interval) {
        return new DashboardConfig(kafkaBootstrap, httpHost, httpPort, registryFiles, interval, alertsKept, trendPoints,
                influxUrl, influxDatabase);
    }

    public DashboardConfig withInflux(String url) {
        return new DashboardConfig(kafkaBootstrap, httpHost, httpPort, registryFiles, pushInterval, alertsKept,
                trendPoints, url, influxDatabase);
    }
}
