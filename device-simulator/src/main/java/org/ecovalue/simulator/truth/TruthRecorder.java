package org.ecovalue.simulator.truth;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
import org.ecovalue.schemas.compensation.ServiceValueDay;
import org.ecovalue.schemas.compensation.ServiceValues;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.Price;
import org.ecovalue.schemas.registry.PriceTable;
import org.ecovalue.schemas.registry.scheme.ServiceValueShareScheme;
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

    /** The use water leaving a unit is priced at, as the pipeline's inventory does (docs/pipeline.md). */
    static final String WATER_RESOURCE_COMPONENT = "agricultural";

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
                // as the ledger: a period's change term (class-step) compares with the previous period's index
                Map<String, BigDecimal> indexOf = new HashMap<>();
                periods.forEach((period, acc) -> {
                    CompensationOutcome o = calculator.calculate(new SectionPeriod(section, acc,
                            indexOf.get(agreement.period().previous(period))));
                    if (o.inputs().index() != null) {
                        indexOf.put(period, o.inputs().index());
                    }
                    expected.add(new ExpectedCompensation(agreement.id(), section.id(), period, o.scheme(),
                            o.direction().name(), o.payer(), o.payee(), o.amountCny(), o.belowMinCompleteness(),
                            o.inputs(), o.explanationEn()));
                });
            }
        }
        for (Agreement a : scenario.registry().agreements()) {
            if (a.scheme() instanceof ServiceValueShareScheme s) {
                if (s.products().equals(List.of(EcoProduct.WATER_RESOURCE))) {
                    expected.addAll(serviceValueShare(a));
                } else {
                    notComputed.put(a.id(), "service-value-share settles on inventory values; the simulator derives"
                            + " only water_resource (the volume a unit passes on), not " + s.products());
                }
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

    /**
     * The expected figures of a service-value-share agreement on {@code water_resource}, by the
     * pipeline's inventory rules (docs/pipeline.md): per day (in the agreement's zone) the volume that
     * left the upstream unit through its outlet sections' flow stations, each clean reading standing
     * for its station's reporting interval; valued at the scheme's price table, water priced as
     * {@value #WATER_RESOURCE_COMPONENT} water, rounded to the fen; completeness = readings / readings a
     * full day brings. Then {@link ServiceValues#fromDays} and the calculator, as the ledger does.
     */
    private List<ExpectedCompensation> serviceValueShare(Agreement a) {
        ServiceValueShareScheme scheme = (ServiceValueShareScheme) a.scheme();
        PriceTable prices = scenario.registry().priceTable(scheme.priceTable()).orElse(null);
        Map<LocalDate, double[]> perDay = new TreeMap<>(); // day → [m³, readings]
        for (Section section : scenario.sections()) {
            if (!a.upstreamParty().equals(section.upstreamUnit()) || section.flowStation() == null) {
                continue;
            }
            long interval = scenario.registry().station(section.flowStation()).orElseThrow().reportingIntervalSeconds();
            flow.getOrDefault(section.id(), new TreeMap<>()).forEach((hour, sc) -> {
                double[] d = perDay.computeIfAbsent(LocalDate.ofInstant(hour, a.zone()), k -> new double[2]);
                d[0] += sc[0] * interval;
                d[1] += sc[1];
            });
        }
        List<ServiceValueDay> days = new ArrayList<>();
        perDay.forEach((day, d) -> {
            Price price = prices == null ? null
                    : prices.priceOn(EcoProduct.WATER_RESOURCE, WATER_RESOURCE_COMPONENT, day).orElse(null);
            if (price != null) {
                // a net outflow below zero has no value (the inventory values none): ¥0.00 that day
                BigDecimal value = d[0] < 0 ? BigDecimal.ZERO.setScale(2) : price.valueOf(BigDecimal.valueOf(d[0]));
                days.add(new ServiceValueDay(a.upstreamParty(), EcoProduct.WATER_RESOURCE, day, value,
                        Math.min(1.0, d[1] / outletReadingsPerDay(a.upstreamParty()))));
            }
        });
        Map<String, List<ServiceValueDay>> byPeriod = new TreeMap<>();
        days.forEach(d -> byPeriod.computeIfAbsent(a.period().label(d.day()), k -> new ArrayList<>()).add(d));
        CompensationCalculator calculator = CompensationCalculator.of(a);
        List<ExpectedCompensation> figures = new ArrayList<>();
        byPeriod.forEach((period, list) -> {
            CompensationOutcome o = calculator.calculate(ServiceValues.fromDays(a.upstreamParty(), period, list));
            figures.add(new ExpectedCompensation(a.id(), null, period, o.scheme(), o.direction().name(), o.payer(),
                    o.payee(), o.amountCny(), o.belowMinCompleteness(), o.inputs(), o.explanationEn()));
        });
        return figures;
    }

    /** Readings a full day brings from the flow stations of the unit's outlet sections. */
    private double outletReadingsPerDay(String unit) {
        double n = 0;
        for (Section section : scenario.sections()) {
            if (unit.equals(section.upstreamUnit()) && section.flowStation() != null) {
                n += 86_400.0 / scenario.registry().station(section.flowStation()).orElseThrow().reportingIntervalSeconds();
            }
        }
        return n;
    }
}
