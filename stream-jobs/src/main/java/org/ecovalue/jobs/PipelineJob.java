package org.ecovalue.jobs;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.ecovalue.jobs.alerts.AlertStage;
import org.ecovalue.jobs.compensation.CompensationStage;
import org.ecovalue.jobs.inventory.FlowSample;
import org.ecovalue.jobs.inventory.InventoryStage;
import org.ecovalue.jobs.registry.SitingStage;
import org.ecovalue.jobs.registry.StationSiting;
import org.ecovalue.jobs.qc.ObservationQualityControl;
import org.ecovalue.jobs.qc.QualityControlStage;
import org.ecovalue.jobs.registry.RegistryState;
import org.ecovalue.jobs.registry.RegistryUpdate;
import org.ecovalue.jobs.registry.RegistryWatermarks;
import org.ecovalue.jobs.time.ObservationWatermarks;
import org.ecovalue.jobs.time.ReaderIdleness;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.ledger.LedgerEntry;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Reading;

/**
 * The EcoValue pipeline ("ecovalue-pipeline", DESIGN.md "Data flow"): quality control, then the
 * dynamic inventory. The job is given its sources and sinks; {@link PipelineMain} wires Kafka, tests
 * wire bounded sources and collecting sinks and run this same graph.
 */
public final class PipelineJob {

    public static final String NAME = "ecovalue-pipeline";
    /** The verdict of every reading of an observation that came after {@code late-horizon}. */
    public static final String LATE_VERDICT = "late";

    private final Source<Observation, ?, ?> observations;
    private final Source<RegistryUpdate, ?, ?> registry;
    private final PipelineSinks sinks;
    private final PipelineOptions options;
    private final WatermarkStrategy<RegistryUpdate> registryWatermarks;

    public PipelineJob(Source<Observation, ?, ?> observations, Source<RegistryUpdate, ?, ?> registry,
                       PipelineSinks sinks, PipelineOptions options) {
        this(observations, registry, sinks, options, RegistryWatermarks.alwaysIdle());
    }

    private PipelineJob(Source<Observation, ?, ?> observations, Source<RegistryUpdate, ?, ?> registry,
                        PipelineSinks sinks, PipelineOptions options, WatermarkStrategy<RegistryUpdate> registryWatermarks) {
        this.observations = observations;
        this.registry = registry;
        this.sinks = sinks;
        this.options = options;
        this.registryWatermarks = registryWatermarks;
    }

    /**
     * For a BOUNDED registry source (tests): the registry holds event time back until all of it has
     * been read, so observations never give up waiting for a registry that is merely late to start.
     * Never for the compacted topic, which does not end (see {@link RegistryWatermarks}).
     */
    public PipelineJob withRegistryReadBeforeEventTimeAdvances() {
        return new PipelineJob(observations, registry, sinks, options,
                WatermarkStrategy.<RegistryUpdate>forMonotonousTimestamps().withTimestampAssigner((u, ts) -> 0L));
    }

    public PipelineSinks sinks() {
        return sinks;
    }

    public PipelineJob withSinks(PipelineSinks newSinks) {
        return new PipelineJob(observations, registry, newSinks, options, registryWatermarks);
    }

    /** Adds the job's graph to {@code env}; the caller configures checkpointing and executes. */
    public void build(StreamExecutionEnvironment env) {
        // Event time is the measurement time; watermarks per source split (Kafka partition) with
        // idleness, so a partition whose stations sleep does not hold the others back.
        WatermarkStrategy<Observation> eventTime = ObservationWatermarks.of(options.maxOutOfOrderness(), options.sourceIdleness());
        DataStream<Observation> raw = ReaderIdleness.of(env.fromSource(observations, eventTime, "observations")
                .uid("pipeline-observations-source"), options.readerIdleness(), "pipeline-observations-reader-idleness");
        BroadcastStream<RegistryUpdate> registryBroadcast = env
                .fromSource(registry, registryWatermarks, "registry").uid("registry-source")
                .broadcast(RegistryState.DESCRIPTOR);

        SingleOutputStreamOperator<Observation> clean = QualityControlStage.apply(raw, options);
        DataStream<Observation> late = clean.getSideOutput(ObservationQualityControl.LATE)
                .map(PipelineJob::markedLate, TypeInformation.of(Observation.class))
                .name("mark-late").uid("mark-late");
        clean.union(late)
                .sinkTo(sinks.cleanObservations()).name("clean-observations-sink").uid("clean-observations-sink");

        SingleOutputStreamOperator<FlowSample> sited = SitingStage.apply(clean, registryBroadcast, options);
        DataStream<InventoryRecord> inventory = InventoryStage.apply(sited, registryBroadcast, options);
        inventory.sinkTo(sinks.inventory()).name("inventory-sink").uid("inventory-sink");
        AlertStage.apply(sited.getSideOutput(StationSiting.HEARTBEATS),
                        sited.getSideOutput(StationSiting.WATER_QUALITY), options)
                .sinkTo(sinks.alerts()).name("alerts-sink").uid("alerts-sink");
        if (sinks.hasHistory()) {
            clean.sinkTo(sinks.readingHistory()).name("reading-history-sink").uid("reading-history-sink");
            inventory.sinkTo(sinks.inventoryHistory()).name("inventory-history-sink").uid("inventory-history-sink");
        }

        if (sinks.compensation() != null) {
            DataStream<LedgerEntry> ledger = CompensationStage.apply(clean, inventory, registryBroadcast,
                    options);
            ledger.sinkTo(sinks.compensation()).name("compensation-sink").uid("compensation-sink");
            if (sinks.compensationHistory() != null) {
                ledger.sinkTo(sinks.compensationHistory()).name("compensation-history-sink")
                        .uid("compensation-history-sink");
            }
        }
    }

    static Observation markedLate(Observation obs) {
        List<Reading> readings = new ArrayList<>(obs.readings().size());
        obs.readings().forEach(r -> readings.add(r.withQc(LATE_VERDICT)));
        return obs.withReadings(readings);
    }
}
