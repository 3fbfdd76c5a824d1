package org.ecovalue.jobs.alerts;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.ecovalue.jobs.inventory.QualitySample;
import org.ecovalue.schemas.alert.Alert;
import org.ecovalue.schemas.alert.AlertType;
import org.ecovalue.schemas.alert.Severity;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.standards.water.Gb3838Table1;
import org.ecovalue.schemas.standards.water.SurfaceWaterStandard;
import org.ecovalue.schemas.standards.water.WaterAssessment;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.ecovalue.schemas.standards.water.WaterItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exceedance episodes per section (keyed by section): {@code readings} consecutive observations whose
 * GB 3838-2002 real-time class is worse than the section's target open an EXCEEDANCE alert (from the
 * first of them, with the limiting factor, its value and the target class's limit); as many
 * consecutive observations at or better than the target close it (at the first of those). The same
 * count both ways is the hysteresis: a value hovering at a limit does not flap. Observations are
 * taken in arrival order. When no episode is open and the latest reading meets the target, the
 * section's state is cleared.
 */
public class ExceedanceDetector extends KeyedProcessFunction<String, QualitySample, Alert> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ExceedanceDetector.class);

    private final int readings;

    private transient ValueState<ExceedanceRun> run;

    public ExceedanceDetector(int readings) {
        if (readings < 1) {
            throw new IllegalArgumentException("readings must be at least 1, got " + readings);
        }
        this.readings = readings;
    }

    @Override
    public void open(OpenContext openContext) {
        run = getRuntimeContext().getState(new ValueStateDescriptor<>("exceedance-run", TypeInformation.of(ExceedanceRun.class)));
    }

    @Override
    public void processElement(QualitySample s, Context ctx, Collector<Alert> out) throws Exception {
        Map<Parameter, Double> values = new EnumMap<>(Parameter.class);
        for (int i = 0; i < s.realtimeFactors().length; i++) {
            if (!Double.isNaN(s.realtimeFactors()[i])) {
                values.put(SurfaceWaterStandard.REALTIME_FACTORS.get(i), s.realtimeFactors()[i]);
            }
        }
        Optional<WaterAssessment> assessed = SurfaceWaterStandard.realtime(values, s.waterBody());
        if (assessed.isEmpty()) {
            return;
        }
        boolean worse = assessed.get().waterClass().compareTo(s.targetClass()) > 0;
        ExceedanceRun held = run.value();
        ExceedanceRun now = held == null ? new ExceedanceRun(worse, 1, s.tsMillis(), null) : held.next(worse, s.tsMillis());
        if (worse && now.open() == null && now.streak() >= readings) {
            Optional<Alert> opened = open(s, assessed.get(), values, now.streakFromMs());
            if (opened.isPresent()) {
                out.collect(opened.get());
                LOG.warn("event=exceedance-opened section={} station={} class={} target={} param={}", s.sectionId(),
                        s.stationId(), assessed.get().waterClass().label(), s.targetClass().label(), opened.get().param());
                now = now.withOpen(opened.get());
            }
        } else if (!worse && now.open() != null && now.streak() >= readings) {
            out.collect(now.open().endedAt(now.streakFromMs()));
            LOG.info("event=exceedance-closed section={} startedAt={} endedAt={}", s.sectionId(), now.open().startedAt(),
                    now.streakFromMs());
            now = now.withOpen(null);
        }
        if (!worse && now.open() == null) {
            run.clear();
        } else {
            run.update(now);
        }
    }

    private static Optional<Alert> open(QualitySample s, WaterAssessment a, Map<Parameter, Double> values, long fromMs) {
        for (Parameter p : a.limiting()) {
            Optional<WaterItem> item = itemOf(p);
            if (item.isEmpty()) {
                continue;
            }
            OptionalDouble limit = Gb3838Table1.limits(item.get(), s.waterBody()).limitOf(s.targetClass());
            if (limit.isPresent()) {
                Severity severity = a.waterClass().compareTo(WaterClass.V) >= 0 ? Severity.CRITICAL : Severity.WARNING;
                return Optional.of(new Alert(AlertType.EXCEEDANCE, s.stationId(), s.sectionId(), p.code(), values.get(p),
                        limit.getAsDouble(), fromMs, null, severity));
            }
        }
        return Optional.empty();
    }

    private static Optional<WaterItem> itemOf(Parameter p) {
        for (WaterItem item : WaterItem.values()) {
            if (item.parameter().filter(p::equals).isPresent()) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }
}
