package org.ecovalue.jobs.compensation;

import java.time.LocalDate;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.ecovalue.jobs.qc.QcVerdict;
import org.ecovalue.jobs.registry.RegistryState;
import org.ecovalue.jobs.registry.RegistryUpdate;
import org.ecovalue.schemas.observation.Domain;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.observation.Reading;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.registry.scheme.ServiceValueShareScheme;

/**
 * Clean observations → the readings that count for each agreement in force (registry broadcast): the
 * quality factors of a section's quality station and the flow of its flow station, only readings
 * whose QC verdict counts ({@code ok}). An hour belongs to an agreement when the agreement is in
 * force on that day in its zone (a changed agreement applies from its effective date).
 * {@code service-value-share} agreements settle on inventory values, not on monitoring: not routed.
 */
public class AgreementRouting extends BroadcastProcessFunction<Observation, RegistryUpdate, SectionReading> {

    private static final long serialVersionUID = 1L;

    private transient RegistryState registry;
    private transient Counter badRegistryItems;
    private transient Counter notCounted;

    @Override
    public void open(OpenContext openContext) {
        registry = new RegistryState();
        badRegistryItems = getRuntimeContext().getMetricGroup().counter("compensationBadRegistryItems");
        notCounted = getRuntimeContext().getMetricGroup().counter("compensationReadingsNotCounted");
    }

    @Override
    public void processElement(Observation obs, ReadOnlyContext ctx, Collector<SectionReading> out) throws Exception {
        Registry r = registry.registry(ctx.getBroadcastState(RegistryState.DESCRIPTOR));
        for (Section section : r.sections()) {
            boolean quality = obs.station().equals(section.qualityStation());
            boolean flow = obs.station().equals(section.flowStation());
            if (!quality && !flow) {
                continue;
            }
            for (Agreement a : r.agreementsOnSection(section.id())) {
                if (a.scheme() instanceof ServiceValueShareScheme
                        || !a.inForceOn(LocalDate.ofInstant(obs.ts(), a.zone()))) {
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
    static boolean isConcentration(Reading reading) {
        return reading.value() >= 0 && Parameter.fromCode(reading.param())
                .filter(p -> p.domain() == Domain.WATER && p != Parameter.FLOW).isPresent();
    }

    @Override
    public void processBroadcastElement(RegistryUpdate update, Context ctx, Collector<SectionReading> out)
            throws Exception {
        if (LedgerRegistry.apply(update, ctx.getBroadcastState(RegistryState.DESCRIPTOR), badRegistryItems)) {
            registry.changed();
        }
    }
}
