package org.ecovalue.jobs.compensation;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.ecovalue.jobs.PipelineOptions;
import org.ecovalue.jobs.registry.RegistryUpdate;
import org.ecovalue.jobs.registry.SitingStage;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.ledger.LedgerEntry;
import org.ecovalue.schemas.observation.Observation;

/**
 * Clean observations, inventory figures + registry → the compensation ledger (DESIGN.md "Compensation
 * ledger entry"): readings routed to the agreements on their section, then one {@link AgreementLedger}
 * per agreement; for {@code service-value-share} agreements, the upstream unit's daily inventory values
 * routed to them ({@link InventoryValueRouting}), then one {@link ServiceValueLedger} per agreement.
 * FINAL after {@code allowed-lateness}; corrections within {@code late-horizon} after that (the same
 * horizon after which quality control calls an observation late); PROVISIONAL every {@code live-every}.
 * Late readings beyond the horizon: side output {@link AgreementLedger#BEYOND_HORIZON}.
 */
public final class CompensationStage {

    private CompensationStage() {
    }

    public static DataStream<LedgerEntry> apply(DataStream<Observation> clean, DataStream<InventoryRecord> inventory,
                                                BroadcastStream<RegistryUpdate> registry, PipelineOptions options) {
        DataStream<SectionReading> readings = clean.keyBy(Observation::station, Types.STRING)
                .connect(registry)
                .process(new AgreementRouting(options.registryWait(), SitingStage.MAX_WAITING_PER_STATION),
                        TypeInformation.of(SectionReading.class))
                .name("compensation-routing").uid("compensation-routing");
        SingleOutputStreamOperator<LedgerEntry> monitored = readings.keyBy(SectionReading::agreementId, Types.STRING)
                .connect(registry)
                .process(new AgreementLedger(options.allowedLateness(), options.lateHorizon(), options.liveEvery(),
                                options.registryWait()),
                        TypeInformation.of(LedgerEntry.class))
                .name("compensation-ledger").uid("compensation-ledger");
        DataStream<LedgerEntry> valued = inventory.connect(registry)
                .process(new InventoryValueRouting(), TypeInformation.of(ServiceValueReading.class))
                .name("service-value-routing").uid("service-value-routing")
                .keyBy(ServiceValueReading::agreementId, Types.STRING)
                .connect(registry)
                .process(new ServiceValueLedger(options.allowedLateness(), options.lateHorizon(), options.liveEvery()),
                        TypeInformation.of(LedgerEntry.class))
                .name("service-value-ledger").uid("service-value-ledger");
        return monitored.union(valued);
    }
}
