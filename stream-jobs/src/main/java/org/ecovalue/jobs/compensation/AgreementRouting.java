package org.ecovalue.jobs.compensation;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.ecovalue.jobs.qc.QcVerdict;
import org.ecovalue.jobs.registry.RegistryState;
import org.ecovalue.jobs.registry.RegistryUpdate;
import org.ecovalue.jobs.registry.RegistryWait;
import org.ecovalue.schemas.observation.Domain;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.observation.Reading;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.schemas.registry.scheme.ServiceValueShareScheme;

/**
 * Clean observations → the readings that count for each agreement in force (registry broadcast): the
 * quality factors of a section's quality station and the flow of its flow station, only readings
 * whose QC verdict counts ({@code ok}). Readings after the agreement's end are left out here; whether
 * an hour falls under a version in force is the ledger's decision ({@link AgreementVersions}), which
 * knows the versions that came before the one the registry holds now.
 * {@code service-value-share} agreements settle on inventory values, not on monitoring: not routed.
 * <p>Keyed by station. Items of the compacted registry arrive in any order, also after the first
 * observations: an observation of a station on a section whose station, section or agreement the
 * registry does not name yet waits (as in {@code registry.StationSiting}: at most {@code maxWaiting}
 * per station, for {@code registryWait} of event time) and is routed when they arrive; after that it
 * is counted and left out (a section may have no agreement at all).
 */
public class AgreementRouting extends KeyedBroadcastProcessFunction<String, Observation, RegistryUpdate, SectionReading> {

    private static final long serialVersionUID = 1L;

    static final ListStateDescriptor<Observation> WAITING =
            new ListStateDescriptor<>("compensation-waiting-for-registry", TypeInformation.of(Observation.class));

    private final RegistryWait registryWait;

    private transient RegistryState registry;
    private transient ListState<Observation> waiting;
    private transient Counter badRegistryItems;
    private transient Counter notCounted;
    private transient Counter withoutAgreement;

    public AgreementRouting(Duration registryWait, int maxWaiting) {
        this.registryWait = new RegistryWait(registryWait, maxWaiting);
    }

    @Override
    public void open(OpenContext openContext) {
        registry = new RegistryState();
        waiting = getRuntimeContext().getListState(WAITING);
        withoutAgreement = getRuntimeContext().getMetricGroup().counter("compensationObservationsWithoutAgreement");
        badRegistryItems = getRuntimeContext().getMetricGroup().counter("compensationBadRegistryItems");
        notCounted = getRuntimeContext().getMetricGroup().counter("compensationReadingsNotCounted");
    }

    @Override
    public void processElement(Observation obs, ReadOnlyContext ctx, Collector<SectionReading> out) throws Exception {
        Registry r = registry.registry(ctx.getBroadcastState(RegistryState.DESCRIPTOR));
        if (isRoutable(r, obs.station())) {
            route(obs, r, out);
            return;
        }
        if (!registryWait.hold(waiting, obs, ctx.timerService())) {
            withoutAgreement.inc();
        }
    }

    /**
     * Nothing to wait for: the station is known and on no section, or its section has an agreement.
     * (Stations off any section, e.g. air stations, never wait.)
     */
    static boolean isRoutable(Registry r, String stationId) {
        Optional<Station> station = r.station(stationId);
        if (station.isEmpty()) {
            return false;
        }
        String section = station.get().section();
        return section == null || (r.section(section).isPresent() && !r.agreementsOnSection(section).isEmpty());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SectionReading> out) throws Exception {
        registryWait.expire(waiting, timestamp, ctx.getBroadcastState(RegistryState.DESCRIPTOR), ctx.timerService(),
                obs -> withoutAgreement.inc());
    }

    private void route(Observation obs, Registry r, Collector<SectionReading> out) {
        for (Section section : r.sections()) {
            boolean quality = obs.station().equals(section.qualityStation());
            boolean flow = obs.station().equals(section.flowStation());
            if (!quality && !flow) {
                continue;
            }
            for (Agreement a : r.agreementsOnSection(section.id())) {
                // the ledger decides whether the hour falls under a version in force (AgreementVersions):
                // a late reading from before an amendment's effective date still counts under the old one
                if (a.scheme() instanceof ServiceValueShareScheme || (a.effectiveTo() != null
                        && LocalDate.ofInstant(obs.ts(), a.zone()).isAfter(a.effectiveTo()))) {
                    continue;
                }
                for (Reading reading : obs.readings()) {
                    if (!QcVerdict.counts(reading.qc())) {
                        notCounted.inc();
                    } else if (flow && SectionReading.FLOW.equals(reading.param())) {
                        out.collect(new SectionReading(a.id(), obs.station(), obs.ts().toEpochMilli(),
                                SectionReading.FLOW, reading.value()));
                    } else if (quality && isConcentration(reading)) {
                        out.collect(new SectionReading(a.id(), obs.station(), obs.ts().toEpochMilli(),
                                reading.param(), reading.value()));
                    }
                }
            }
        }
    }

    /** A water-quality factor the period can average (SectionHour): a water parameter, not flow, not negative. */
    public static boolean isConcentration(Reading reading) {
        return reading.value() >= 0 && Parameter.fromCode(reading.param())
                .filter(p -> p.domain() == Domain.WATER && p != Parameter.FLOW).isPresent();
    }

    @Override
    public void processBroadcastElement(RegistryUpdate update, Context ctx, Collector<SectionReading> out)
            throws Exception {
        if (!LedgerRegistry.apply(update, ctx.getBroadcastState(RegistryState.DESCRIPTOR), badRegistryItems)) {
            return;
        }
        registry.changed();
        Registry r = registry.registry(ctx.getBroadcastState(RegistryState.DESCRIPTOR));
        ctx.applyToKeyedState(WAITING, (station, state) -> {
            if (isRoutable(r, station)) {
                for (Observation obs : state.get()) {
                    route(obs, r, out);
                }
                state.clear();
            }
        });
    }
}
