package org.ecovalue.jobs;

import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.observation.Observation;

/**
 * Where the pipeline's results go: {@code eco.observations.clean} (every reading with its QC verdict,
 * late observations included with verdict {@code late}) and {@code eco.inventory}.
 */
public record PipelineSinks(Sink<Observation> cleanObservations, Sink<InventoryRecord> inventory) {

    public PipelineSinks {
        Objects.requireNonNull(cleanObservations, "cleanObservations");
        Objects.requireNonNull(inventory, "inventory");
    }
}
