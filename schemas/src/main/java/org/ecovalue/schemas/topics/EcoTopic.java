package org.ecovalue.schemas.topics;

/**
 * The Kafka topics of DESIGN.md ("Kafka topics"), one place for their names, default partition
 * counts and cleanup policies. Deployments may create them with more partitions; never rename.
 */
public enum EcoTopic {
    /** Observations as ingested, key = station id. */
    OBSERVATIONS("eco.observations", 3, Cleanup.DELETE),
    /** What ingest could not decode or accept, key = station id or null. */
    INGEST_DLQ("eco.ingest.dlq", 1, Cleanup.DELETE),
    /** Observations with a QC verdict per reading, key = station id. */
    OBSERVATIONS_CLEAN("eco.observations.clean", 3, Cleanup.DELETE),
    /** Inventory records, key = {unitId}/{product}; the latest per key is what counts, hence compacted. */
    INVENTORY("eco.inventory", 1, Cleanup.COMPACT),
    /** The compensation ledger, key = {agreementId}/{period}; a ledger keeps every entry. */
    COMPENSATION("eco.compensation", 1, Cleanup.DELETE),
    /** Alerts, key = section or station id. */
    ALERTS("eco.alerts", 1, Cleanup.DELETE),
    /** Registry items, key = {kind}/{id}, null value = removed. */
    REGISTRY("eco.registry", 1, Cleanup.COMPACT),
    /** Latest real-time water class per station (walking skeleton), key = station id. */
    STATION_CLASS("eco.station-class", 1, Cleanup.COMPACT);

    /** Kafka's {@code cleanup.policy}. */
    public enum Cleanup {
        DELETE("delete"), COMPACT("compact");

        private final String config;

        Cleanup(String config) {
            this.config = config;
        }

        public String config() {
            return config;
        }
    }

    private final String topic;
    private final int defaultPartitions;
    private final Cleanup cleanup;

    EcoTopic(String topic, int defaultPartitions, Cleanup cleanup) {
        this.topic = topic;
        this.defaultPartitions = defaultPartitions;
        this.cleanup = cleanup;
    }

    /** The topic name, e.g. {@code eco.observations}. */
    public String topic() {
        return topic;
    }

    public int defaultPartitions() {
        return defaultPartitions;
    }

    public Cleanup cleanup() {
        return cleanup;
    }
}
