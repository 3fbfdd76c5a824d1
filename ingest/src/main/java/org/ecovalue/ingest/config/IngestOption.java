package org.ecovalue.ingest.config;

import java.util.Locale;
import java.util.Objects;

/**
 * One configuration option, declared once: the key in the configuration file, the environment
 * variable that overrides it, its type, default and meaning. {@code ecovalue ingest --help} and
 * {@code docs/ingest.md} are generated from these declarations.
 *
 * @param defaultValue null when the option has no default (optional or required, see {@code required})
 */
public record IngestOption(String key, String type, String defaultValue, boolean required, String description) {

    public IngestOption {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }

    /** {@code mqtt.client-id} → {@code ECOVALUE_INGEST_MQTT_CLIENT_ID}. */
    public String env() {
        return "ECOVALUE_INGEST_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
