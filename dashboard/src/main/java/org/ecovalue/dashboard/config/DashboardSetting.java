package org.ecovalue.dashboard.config;

/**
 * Every setting of the dashboard, declared once: the key in the configuration file, the
 * environment variable that overrides it, the default and what it means. {@code --help} and
 * docs/dashboard.md are written from this list.
 */
public enum DashboardSetting {
    KAFKA_BOOTSTRAP("kafka.bootstrap", "127.0.0.1:9092", "Kafka bootstrap servers (host:port,...)"),
    HTTP_HOST("http.host", "127.0.0.1", "address the HTTP server binds to (0.0.0.0 for all)"),
    HTTP_PORT("http.port", "8080", "HTTP port; 0 = a free port"),
    REGISTRY("registry", "deploy/config/default.yaml", "registry YAML file(s), comma-separated: names and the river schematic"),
    PUSH_INTERVAL_MS("push.interval-ms", "250", "how often batched updates are pushed to browsers (ms)"),
    ALERTS_KEPT("alerts.kept", "500", "how many recent alert episodes are kept in memory"),
    TREND_POINTS("trend.points", "240", "points kept in memory per live trend (factor, inventory value)"),
    INFLUX_URL("influx.url", "", "InfluxDB 1.x URL for history; empty = live history only"),
    INFLUX_DATABASE("influx.database", "ecovalue", "InfluxDB database");

    private final String key;
    private final String defaultValue;
    private final String description;

    DashboardSetting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** Key in the properties file, e.g. {@code http.port}. */
    public String key() {
        return key;
    }

    /** Environment variable, e.g. {@code ECOVALUE_DASHBOARD_HTTP_PORT}. */
    public String env() {
        return "ECOVALUE_DASHBOARD_" + name();
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
