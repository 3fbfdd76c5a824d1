package org.ecovalue.local.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.ecovalue.jobs.water.StationWaterClass;
import org.ecovalue.schemas.inventory.InventoryRecord;
import org.ecovalue.schemas.inventory.InventoryStatus;
import org.ecovalue.schemas.ledger.LedgerEntry;
import org.ecovalue.schemas.ledger.LedgerHashChain;
import org.ecovalue.schemas.ledger.LedgerStatus;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.EcoProduct;
import org.ecovalue.schemas.registry.PeriodKind;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.simulator.scenario.FaultSpec;
import org.ecovalue.simulator.scenario.FaultType;
import org.ecovalue.simulator.scenario.Scenario;
import org.ecovalue.simulator.scenario.ScenarioLoader;
import org.ecovalue.simulator.scenario.Simulation;
import org.ecovalue.simulator.truth.ExpectedCompensation;
import org.ecovalue.simulator.truth.SectionHourClass;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline's output against the simulator's ground truth (docs/simulator.md "Comparing a run with
 * its ground truth"), issue 5 and 6 acceptance: one simulated month through ingest's decoding, Kafka
 * and the production job on a MiniCluster. The expected figures are the simulator's, from its own
 * record of the clean signal, computed apart from the pipeline's state, windows and watermarks.
 *
 * <p>The shipped scheme scenarios (all five of REFERENCE.md §4) differ only in their agreement (same
 * basin, seed and incidents), so one run with all their agreements settles each as its own scenario
 * would; service-value-share settles on the upstream county's water_resource inventory value. One fault is added:
 * a dropout of QX-S02's flow gauge, whose flow no agreement settles on (its agreements are p-index
 * and class-step, on concentrations only), so that completeness has something to show.
 */
class GroundTruthIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> SCHEME_SCENARIOS = List.of("flux", "p-index", "class-step", "tiered-exceedance",
            "service-value-share");
    /** The simulated month plus two hours: the watermark must pass the month's end + allowed lateness. */
    private static final Duration PAST_THE_MONTH = Duration.ofHours(2);
    /** QX-S02's flow gauge (every 300 s) silent 10:00–13:00 on 20 November, Beijing time. */
    private static final String DROPPED_GAUGE = "SL390122000001";
    private static final FaultSpec DROPOUT = new FaultSpec(FaultType.DROPOUT, List.of(DROPPED_GAUGE),
            Instant.parse("2026-11-20T02:00:00Z"), Duration.ofHours(3), null, null, null);

    @TempDir
    static Path tmp;

    private static PipelineAgainstTruth.Outcome run;

    @BeforeAll
    static void runTheMonth() throws Exception {
        Scenario scenario = schemesWithADropout();
        List<String> outletUnits = outletUnits(scenario);
        run = PipelineAgainstTruth.run(scenario, tmp, Duration.ofMinutes(5),
                o -> expectedMonths(o).stream().allMatch(e -> finalEntry(o.ledger(), e).isPresent())
                        && outletUnits.stream().allMatch(u -> finalDays(o, u).size() == 30));
    }

    @Test
    void ingestPassedEveryMessageOnAndRefusedNone() {
        // a scenario without delivery faults: nothing for the DLQ, one observation per message sent
        assertThat(run.intake().deadLetters()).isZero();
        assertThat(run.intake().observations()).isEqualTo(run.truth().messages());
    }

    @Test
    void everySchemesFinalFigureOfTheMonthIsTheGroundTruthsToTheFen() {
        List<ExpectedCompensation> months = expectedMonths(run);
        assertThat(months).extracting(ExpectedCompensation::scheme).as("one whole month per scheme")
                .containsExactlyInAnyOrder("flux", "p-index", "class-step", "tiered-exceedance", "service-value-share");
        Registry registry = schemesWithADropout().registry();
        SoftAssertions.assertSoftly(soft -> {
            for (ExpectedCompensation expected : months) {
                LedgerEntry actual = finalEntry(run.ledger(), expected).orElseThrow();
                String what = expected.agreement() + " " + expected.period();
                soft.assertThat(actual.inputs()).as("inputs of %s", what).isEqualTo(expected.inputs());
                soft.assertThat(actual.amountCny()).as("amount of %s", what).isEqualTo(expected.amountCny());
                soft.assertThat(actual.status()).as("no correction: nothing came late").isEqualTo(LedgerStatus.FINAL);
                if (expected.payer() == null) {
                    // nobody pays: the truth says so (direction NONE), the ledger names upstream → downstream
                    // at ¥0.00 (CompensationLedger: an entry always names a payer and a payee)
                    Agreement a = registry.agreement(expected.agreement()).orElseThrow();
                    soft.assertThat(expected.direction()).isEqualTo("NONE");
                    soft.assertThat(actual.amountCny()).as("amount of %s", what).isEqualByComparingTo("0");
                    soft.assertThat(List.of(actual.payer(), actual.payee())).as("parties of %s", what)
                            .containsExactly(a.upstreamParty(), a.downstreamParty());
                } else {
                    soft.assertThat(List.of(actual.payer(), actual.payee())).as("payer, payee of %s", what)
                            .containsExactly(expected.payer(), expected.payee());
                }
            }
        });
        assertThat(LedgerHashChain.verify(run.ledger().stream()
                .filter(e -> e.status() != LedgerStatus.PROVISIONAL).toList()).intact()).isTrue();
    }

    @Test
    void everySectionHourHasTheGroundTruthsWaterClass() {
        // eco.station-class reports a quality station's GB 3838 class whenever it (or its limiting
        // factors) changes; with one observation an hour, the truth's hourly classes collapsed to their
        // changes must be exactly what it reported
        Map<String, Section> bySection = new TreeMap<>();
        run.truth().waterClass().forEach(h -> bySection.computeIfAbsent(h.section(),
                id -> schemesWithADropout().registry().section(id).orElseThrow()));
        int hours = 0;
        for (Section section : bySection.values()) {
            List<SectionHourClass> truth = run.truth().waterClass().stream()
                    .filter(h -> h.section().equals(section.id()))
                    .sorted(Comparator.comparing(SectionHourClass::hour)).toList();
            hours += truth.size();
            List<String> expected = new ArrayList<>();
            SectionHourClass previous = null;
            for (SectionHourClass h : truth) {
                if (previous == null || !Objects.equals(previous.waterClass(), h.waterClass())
                        || !previous.limiting().equals(h.limiting())) {
                    expected.add(h.hour() + " " + h.waterClass() + " " + h.limiting());
                }
                previous = h;
            }
            List<String> reported = run.stationClasses().stream()
                    .filter(c -> c.station().equals(section.qualityStation()))
                    .sorted(Comparator.comparing(StationWaterClass::ts))
                    .map(c -> c.ts() + " " + c.waterClass() + " " + c.limiting()).toList();
            assertThat(reported).as("class changes of %s", section.id()).isEqualTo(expected);
        }
        // 3 sections × (30 days × 24 h + 2 h)
        assertThat(hours).isEqualTo(3 * 722);
    }

    @Test
    void theVolumeThroughEachOutletSectionPerDayIsTheGroundTruthsWithItsCompleteness() {
        int days = 0;
        for (Section section : schemesWithADropout().registry().sections()) {
            if (section.flowStation() == null) {
                continue;
            }
            Map<String, InventoryRecord> finals = finalDays(run, section.upstreamUnit());
            Map<String, Double> volumes = new TreeMap<>();
            Map<String, Integer> samples = new TreeMap<>();
            for (SectionHourClass h : run.truth().waterClass()) {
                if (!h.section().equals(section.id()) || h.meanFlowM3s() == null) {
                    continue;
                }
                String day = LocalDate.ofInstant(h.hour(), SHANGHAI).toString();
                boolean dropped = section.flowStation().equals(DROPPED_GAUGE) && DROPOUT.covers(DROPPED_GAUGE, h.hour());
                // an hour of 300 s readings: mean flow [m³/s] × 3 600 s; a dropped hour brings nothing
                volumes.merge(day, dropped ? 0 : h.meanFlowM3s() * 3600, Double::sum);
                samples.merge(day, dropped ? 0 : 12, Integer::sum);
            }
            for (Map.Entry<String, InventoryRecord> e : finals.entrySet()) {
                InventoryRecord r = e.getValue();
                assertThat(r.quantity().unit()).isEqualTo("m3");
                // half a cubic metre: far below one reading's resolution (0.01 m³/s × 300 s = 3 m³)
                assertThat(r.quantity().value()).as("volume out of %s on %s", section.upstreamUnit(), e.getKey())
                        .isCloseTo(volumes.get(e.getKey()), within(0.5));
                // a full day is 288 readings of a 300 s gauge
                assertThat(r.completeness()).as("completeness of %s on %s", section.upstreamUnit(), e.getKey())
                        .isCloseTo(samples.get(e.getKey()) / 288.0, within(1e-9));
                days++;
            }
            assertThat(finals).containsOnlyKeys(volumes.keySet().stream().filter(d -> d.startsWith("2026-11")).toList());
        }
        assertThat(days).as("2 outlet sections × 30 days").isEqualTo(60);
        // the dropout: 3 of 24 hours gone, 252 of 288 readings = 0.875
        assertThat(finalDays(run, "390122").get("2026-11-20").completeness()).isEqualTo(0.875);
    }

    /** The flux scenario with the agreements of the other scheme scenarios and the gauge's dropout. */
    static Scenario schemesWithADropout() {
        try {
            Scenario first = ScenarioLoader.loadFileOrShipped(SCHEME_SCENARIOS.get(0));
            Registry registry = first.registry();
            for (String name : SCHEME_SCENARIOS.subList(1, SCHEME_SCENARIOS.size())) {
                Scenario other = ScenarioLoader.loadFileOrShipped(name);
                assertThat(other.simulation()).as("%s simulates what %s does", name, first.name())
                        .isEqualTo(first.simulation());
                for (Agreement a : other.registry().agreements()) {
                    registry = registry.with(a);
                }
            }
            Simulation s = first.simulation();
            List<FaultSpec> faults = new ArrayList<>(s.faults());
            faults.add(DROPOUT);
            return new Scenario("schemes", registry, new Simulation(s.seed(), s.start(), s.duration().plus(PAST_THE_MONTH),
                    s.zone(), s.travelTime(), s.incidents(), s.airEpisodes(), faults));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Units whose outlet section has a flow gauge: their water_resource is that section's volume. */
    private static List<String> outletUnits(Scenario s) {
        return s.registry().sections().stream().filter(x -> x.flowStation() != null).map(Section::upstreamUnit).toList();
    }

    /** The latest FINAL water_resource figure of each November day of a unit. */
    private static Map<String, InventoryRecord> finalDays(PipelineAgainstTruth.Outcome o, String unit) {
        Map<String, InventoryRecord> days = new TreeMap<>();
        o.inventory().stream()
                .filter(r -> r.unitId().equals(unit) && r.product() == EcoProduct.WATER_RESOURCE
                        && r.status() == InventoryStatus.FINAL && r.period().startsWith("2026-11-")
                        && PeriodKind.ofLabel(r.period()) == PeriodKind.DAY) // not its hours
                .forEach(r -> days.merge(r.period(), r, (a, b) -> b.revision() >= a.revision() ? b : a));
        return days;
    }

    /** The truth's figures for whole periods (the two hours past the month make a partial one). */
    private static List<ExpectedCompensation> expectedMonths(PipelineAgainstTruth.Outcome o) {
        return o.truth().compensation().stream().filter(e -> !e.belowMinCompleteness()).toList();
    }

    private static Optional<LedgerEntry> finalEntry(List<LedgerEntry> ledger, ExpectedCompensation e) {
        return ledger.stream()
                .filter(x -> x.agreementId().equals(e.agreement()) && x.period().equals(e.period())
                        && x.status() != LedgerStatus.PROVISIONAL)
                .max(Comparator.comparingInt(LedgerEntry::revision));
    }
}
