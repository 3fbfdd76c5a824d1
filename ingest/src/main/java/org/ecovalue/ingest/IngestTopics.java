package org.ecovalue.ingest;

/** The Kafka topics ingest writes (DESIGN.md "Kafka topics"). */
public final class IngestTopics {

    /** Valid observations, key = station id. */
    public static final String OBSERVATIONS = "eco.observations";
    /** What could not be decoded or does not belong, key = station id or null. */
    public static final String DLQ = "eco.ingest.dlq";

    private IngestTopics() {
    }
}
