package org.ecovalue.jobs;

import java.util.Objects;
import org.ecovalue.schemas.ledger.LedgerEntry;
import org.apache.flink.api.connector.sink2.Sink;
import org.ecovalue.schemas.alert.Alert;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.observation.Observation;

/**
 * Where the pipeline's results go: {@code eco.observations.clean} (every reading with its QC verdict,
 * late observations included with verdict {@code late}), {@code eco.inventory} and {@code eco.alerts}; optionally the
 * InfluxDB history ({@code reading}, {@code inventory}, {@code compensation} measurements), null when not configured.
 */
public record PipelineSinks(Sink<Observation> cleanObservations, Sink<InventoryRecord> inventory, Sink<Alert> alerts,
                            Sink<Observation> readingHistory, Sink<InventoryRecord> inventoryHistory,
                            Sink<LedgerEntry> compensation, Sink<LedgerEntry> compensationHistory) {

    public PipelineSinks {
        Objects.requireNonNull(cleanObservations, "cleanObservations");
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(alerts, "alerts");
        if ((readingHistory == null) != (inventoryHistory == null)) {
            throw new IllegalArgumentException("history goes to InfluxDB for readings and inventory, or not at all");
        }
        if (compensationHistory != null && compensation == null) {
            throw new IllegalArgumentException("the ledger's history needs the ledger (withCompensation)");
        }
    }

    public PipelineSinks(Sink<Observation> cleanObservations, Sink<InventoryRecord> inventory, Sink<Alert> alerts) {
        this(cleanObservations, inventory, alerts, null, null, null, null);
    }

    /** The compensation ledger ({@code eco.compensation}) goes to {@code ledger}; without it the stage is left out. */
    public PipelineSinks withCompensation(Sink<LedgerEntry> ledger) {
        return new PipelineSinks(cleanObservations, inventory, alerts, readingHistory, inventoryHistory, ledger,
                compensationHistory);
    }

    public PipelineSinks withHistory(Sink<Observation> readings, Sink<InventoryRecord> inventoryFigures) {
        return new PipelineSinks(cleanObservations, inventory, alerts, readings, inventoryFigures, compensation,
                compensationHistory);
    }

    /** Every ledger entry also goes to {@code figures} (InfluxDB {@code compensation}, HistoryPoints#compensation). */
    public PipelineSinks withCompensationHistory(Sink<LedgerEntry> figures) {
        return new PipelineSinks(cleanObservations, inventory, alerts, readingHistory, inventoryHistory, compensation,
                figures);
    }

    public boolean hasHistory() {
        return readingHistory != null;
    }
}
