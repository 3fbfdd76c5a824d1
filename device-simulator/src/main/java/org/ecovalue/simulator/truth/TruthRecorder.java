package org.ecovalue.simulator.truth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ecovalue.schemas.compensation.CompensationCalculator;
import org.ecovalue.schemas.compensation.CompensationOutcome;
import org.ecovalue.schemas.compensation.PeriodAccumulator;
import org.ecovalue.schemas.compensation.SectionHour;
import org.ecovalue.schemas.compensation.SectionPeriod;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.schemas.standards.water.SurfaceWaterStandard;
import org.ecovalue.schemas.standards.water.WaterAssessment;
import org.ecovalue.simulator.scenario.FaultSpec;
import org.ecovalue.simulator.scenario.Scenario;

/**
 * Collects, during a run, what was sent and the clean hourly means of every section, and at the end
 * derives the expected water classes (SurfaceWaterStandard) and compensation figures
 * (PeriodAccumulator + CompensationCalculator) — the very code the Flink job runs.
 */
public final class TruthRecorder {

    private final Scenario scenario;
    private final Map<String, Section> qualitySection = new HashMap<>();
    private final Map<String, Section> flowSection = new HashMap<>();
    /** section → hour → param → [sum, count] */
    private final Map<String, TreeMap<Instant, Map<String, double[]>>> quality = new HashMap<>();
    private final Map<String, TreeMap<Instant, double[]>> flow = new HashMap<>();
    private final Map<String, long[]> messages = new TreeMap<>();
    private final Map<String, Map<String, Long>> readings = new TreeMap<>();
    private final long[] faultMessages;
    private long totalMessages;
    private long totalReadings;

    public TruthRecorder(Scenario scenario) {
        this.scenario = scenario;
        for (Section s : scenario.sections()) {
            qualitySection.put(s.qualityStation(), s);
            if (s.flowStation() != null) {
                flowSection.put(s.flowStation(), s);
            }
        }
        faultMessages = new long[scenario.simulation().faults().size()];
    }

    /** A clean observation of the signal (before any fault). */
    public void clean(Station station, Instant t, List<Parameter> params, double[] values) {
        Instant hour = Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), 3600) * 3600);
        Section q = qualitySection.get(station.id());
        if (q != null) {
            Map<String, double[]> hourSums = quality.computeIfAbsent(q.id(), k -> new TreeMap<>())
                    .computeIfAbsent(hour, k -> new TreeMap<>());
            for (int i = 0; i < params.size(); i++) {
                double[] sc = hourSums.computeIfAbsent(params.get(i).code(), k -> new double[2]);
                sc[0] += values[i];
                sc[1]++;
            }
        }
        Section f = flowSection.get(station.id());
        if (f != null) {
            int i = params.indexOf(Parameter.FLOW);
            double[] sc = flow.computeIfAbsent(f.id(), k -> new TreeMap<>()).computeIfAbsent(hour, k -> new double[2]);
            sc[0] += values[i];
            sc[1]++;
        }
    }

    /** A message that went out carrying these parameters. */
    public synchronized void sent(String station, List<String> params) {
        messages.computeIfAbsent(station, k -> new long[1])[0]++;
        Map<String, Long> perParam = readings.computeIfAbsent(station, k -> new TreeMap<>());
        for (String p : params) {
            perParam.merge(p, 1L, Long::sum);
        }
        totalMessages++;
        totalReadings += params.size();
    }

    public synchronized void faulted(int faultIndex) {
        faultMessages[faultIndex]++;
    }

    public synchronized long messagesSent() {
        return totalMessages;
    }

    public synchronized long readingsSent() {
        return totalReadings;
    }

    public synchronized GroundTruth build(Instant end) {
        List<SectionHourClass> classes = new ArrayList<>();
        List<ExpectedCompensation> expected = new ArrayList<>();
        Map<String, String> notComputed = new TreeMap<>();
        for (Section section : scenario.sections()) {
            Map<Instant, SectionHour> hours = new TreeMap<>();
            TreeMap<Instant, double[]> flows = flow.getOrDefault(section.id(), new TreeMap<>());
            quality.getOrDefault(section.id(), new TreeMap<>()).forEach((hour, sums) -> {
                Map<Parameter, Double> means = new LinkedHashMap<>();
                sums.forEach((p, sc) -> means.put(Parameter.fromCode(p).orElseThrow(), sc[0] / sc[1]));
                Map<String, Double> mgL = means.entrySet().stream()
                        .filter(e -> "mg/L".equals(e.getKey().canonicalUnit()))
                        .collect(Collectors.toMap(e -> e.getKey().code(), Map.Entry::getValue, (a, b) -> a, TreeMap::new));
                double[] q = flows.get(hour);
                Double meanFlow = q == null ? null : q[0] / q[1];
                WaterAssessment a = SurfaceWaterStandard.realtime(means, section.waterbody()).orElse(null);
                classes.add(new SectionHourClass(section.id(), hour, a == null ? null : a.waterClass().label(),
                        a == null ? List.of() : a.limiting().stream().map(Parameter::code).toList(), mgL, meanFlow));
                // the hour as the pipeline's ledger takes it: every water factor the station measured
                // (pH too: a class-step period's class is GB 3838's over all of them), not only mg/L
                Map<String, Double> factors = means.entrySet().stream()
                        .filter(e -> SectionHour.isFactor(e.getKey()) && e.getValue() >= 0)
                        .collect(Collectors.toMap(e -> e.getKey().code(), Map.Entry::getValue, (x, y) -> x, TreeMap::new));
                hours.put(hour, SectionHour.ofMeanFlow(hour, factors, meanFlow));
            });
            for (Agreement agreement : scenario.registry().agreementsOnSection(section.id())) {
                Map<String, PeriodAccumulator> periods = new TreeMap<>();
                for (SectionHour h : hours.values()) {
                    periods.computeIfAbsent(agreement.periodOf(h.hourStart()), p -> PeriodAccumulator.empty(agreement, p));
                    periods.computeIfPresent(agreement.periodOf(h.hourStart()), (p, acc) -> acc.withHour(h));
                }
                CompensationCalculator calculator = CompensationCalculator.of(agreement);
                periods.forEach((period, acc) -> {
                    CompensationOutcome o = calculator.calculate(new SectionPeriod(section, acc));
                    expected.add(new ExpectedCompensation(agreement.id(), section.id(), period, o.scheme(),
                            o.direction().name(), o.payer(), o.payee(), o.amountCny(), o.belowMinCompleteness(),
                            o.inputs(), o.explanationEn()));
                });
            }
        }
        for (Agreement a : scenario.registry().agreements()) {
            if (!a.scheme().settlesOnSection()) {
                notComputed.put(a.id(), a.scheme().schemeName() + " settles on inventory values (GEP of the period),"
                        + " which the simulator does not derive");
            }
        }
        List<FaultRecord> faults = new ArrayList<>();
        List<FaultSpec> specs = scenario.simulation().faults();
        for (int i = 0; i < specs.size(); i++) {
            FaultSpec f = specs.get(i);
            faults.add(new FaultRecord(f.type().code(), f.stations(), f.param(), f.start(), f.end(), faultMessages[i]));
        }
        Map<String, GroundTruth.StationCounts> sent = new TreeMap<>();
        messages.forEach((station, n) -> sent.put(station, new GroundTruth.StationCounts(n[0], readings.get(station))));
        return new GroundTruth(scenario.name(), scenario.simulation().seed(), scenario.simulation().start(), end,
                totalMessages, totalReadings, sent, faults, classes, expected, notComputed);
    }
}
