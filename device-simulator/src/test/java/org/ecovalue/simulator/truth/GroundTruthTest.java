package org.ecovalue.simulator.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ecovalue.schemas.json.ObservationCodec;
import org.ecovalue.schemas.observation.Observation;
import org.ecovalue.schemas.observation.Reading;
import org.ecovalue.simulator.Scenarios;
import org.ecovalue.simulator.delivery.Delivery;
import org.ecovalue.simulator.delivery.RecordingPublisher;
import org.ecovalue.simulator.run.RunOptions;
import org.ecovalue.simulator.run.SimulationRun;
import org.ecovalue.simulator.scenario.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flux scenario's month (deploy/scenarios/flux.yaml): an NH3-N spill of 2.0 mg/L at 界牌 (QX-S01)
 * on 2026-11-08T00:00Z, reaching 双江口 (QX-S02) one travel time (6 h) later at 60 %.
 */
class GroundTruthTest {

    private static Scenario scenario;
    private static GroundTruth truth;
    private static List<Delivery> wire;

    @BeforeAll
    static void runTheMonth() throws Exception {
        scenario = Scenarios.load("flux");
        RecordingPublisher out = new RecordingPublisher();
        truth = new SimulationRun(scenario, out, null, RunOptions.asFastAsPossible()).run();
        wire = out.deliveries();
    }

    private static SectionHourClass hour(String section, String utc) {
        Instant h = Instant.parse(utc);
        return truth.waterClass().stream().filter(c -> c.section().equals(section) && c.hour().equals(h)).findFirst()
                .orElseThrow();
    }

    @Test
    void everySectionHasAClassForEveryHourOfTheMonth() {
        Map<String, Long> hours = truth.waterClass().stream()
                .collect(Collectors.groupingBy(SectionHourClass::section, Collectors.counting()));

        assertThat(hours).containsOnly(Map.entry("QX-S01", 720L), Map.entry("QX-S02", 720L), Map.entry("QX-S03", 720L));
    }

    @Test
    void theSpillMakesTheUpstreamSectionWorseThanVByAmmonia() {
        SectionHourClass spill = hour("QX-S01", "2026-11-08T00:00:00Z");

        // GB 3838-2002 Table 1 item 7: NH3-N above 2.0 mg/L is worse than class V
        assertThat(spill.meansMgL().get("nh3n")).isGreaterThan(2.0);
        assertThat(spill.waterClass()).isEqualTo("劣V");
        assertThat(spill.limiting()).contains("nh3n");
    }

    @Test
    void theSpillReachesTheNextSectionSixHoursLaterWeakened() {
        double before = hour("QX-S02", "2026-11-08T05:00:00Z").meansMgL().get("nh3n");
        double arrival = hour("QX-S02", "2026-11-08T06:00:00Z").meansMgL().get("nh3n");

        // 60 % of 2.0 mg/L arrives: the step is 1.2 mg/L give or take the hour's own wander
        assertThat(arrival - before).isCloseTo(1.2, within(0.15));
    }

    @Test
    void theTruthsHourlyMeansAreWhatTheStationSentInACleanHour() throws Exception {
        // QX-S03's quality station sends JSON hourly; 2026-11-02 has no fault on it
        Instant t = Instant.parse("2026-11-02T10:00:00Z");
        Delivery sent = wire.stream().filter(d -> d.station().equals("SW390123000001") && d.eventTime().equals(t))
                .findFirst().orElseThrow();
        Observation o = ObservationCodec.decode(sent.payload());
        Map<String, Double> onWire = o.readings().stream().collect(Collectors.toMap(Reading::param, Reading::value));

        hour("QX-S03", "2026-11-02T10:00:00Z").meansMgL()
                .forEach((param, mean) -> assertThat(mean).as(param).isEqualTo(onWire.get(param)));
    }

    @Test
    void theFluxAgreementHasItsNovemberFigureFromTheCleanSignal() {
        assertThat(truth.compensation()).singleElement().satisfies(c -> {
            assertThat(c.agreement()).isEqualTo("QX-FLUX");
            assertThat(c.period()).isEqualTo("2026-11");
            assertThat(c.scheme()).isEqualTo("flux");
            assertThat(c.belowMinCompleteness()).isFalse();
            assertThat(c.inputs().validHours()).isEqualTo(720);
        });
    }

    @Test
    void theFileRoundTrips(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("truth.json");
        GroundTruthFile.write(truth, file);

        GroundTruth back = GroundTruthFile.read(file);
        assertThat(back.messages()).isEqualTo(truth.messages());
        assertThat(back.compensation().get(0).amountCny()).isEqualByComparingTo(truth.compensation().get(0).amountCny());
        assertThat(back.waterClass()).hasSameSizeAs(truth.waterClass());
    }

    /**
     * The service-value-share scenario over its first day (1 November 2026, Shanghai): 20 % of the
     * water_resource value of 岚山县, the water leaving it through 界牌 (QX-S01), valued at 0.07 CNY/m³
     * (gep-2010, agricultural). Worked from the truth's own hourly mean flows at QX-S01 (a separate
     * record): each hour brings 12 five-minute readings, each standing for 300 s, so the hour's volume
     * is its mean × 3 600 s; the day's volume × 0.07 rounded to the fen, × 0.20 rounded to the fen.
     * One day of 30 with every reading: completeness 1/30 = 0.0333, below the agreed 0.6, marked.
     */
    @Test
    void aServiceValueShareAgreementGetsItsFigureFromTheWaterTheUpstreamCountyPassesOn() throws Exception {
        Scenario share = Scenarios.load("service-value-share");
        GroundTruth t = new SimulationRun(share.withSimulation(share.simulation().withDuration(java.time.Duration.ofDays(1))),
                new RecordingPublisher(), null, RunOptions.asFastAsPossible()).run();

        double volumeM3 = t.waterClass().stream().filter(c -> c.section().equals("QX-S01"))
                .mapToDouble(c -> c.meanFlowM3s() * 3600).sum();
        java.math.BigDecimal value = java.math.BigDecimal.valueOf(volumeM3).multiply(new java.math.BigDecimal("0.07"))
                .setScale(2, java.math.RoundingMode.HALF_UP);
        java.math.BigDecimal amount = value.multiply(new java.math.BigDecimal("0.20"))
                .setScale(2, java.math.RoundingMode.HALF_UP);

        assertThat(t.notComputed()).isEmpty();
        assertThat(t.compensation()).singleElement().satisfies(c -> {
            assertThat(c.agreement()).isEqualTo("QX-SHARE");
            assertThat(c.section()).isNull();
            assertThat(c.period()).isEqualTo("2026-11");
            assertThat(c.direction()).isEqualTo("DOWNSTREAM_PAYS");
            assertThat(c.payer()).isEqualTo("390123");
            assertThat(c.payee()).isEqualTo("390121");
            assertThat(c.amountCny()).isEqualByComparingTo(amount);
            assertThat(c.belowMinCompleteness()).isTrue();
            assertThat(c.inputs().completeness()).isEqualByComparingTo("0.0333");
        });
        assertThat(amount).isPositive();
    }

    /**
     * The class-step scenario over 32 days: all of November 2026 and the first two days of December
     * (Shanghai). December's figure has a change term against November's index (REFERENCE.md §4.3),
     * as the ledger computes it. Worked from the two indices in the truth file with the scenario's
     * parameters (¥500 000 per class against III, at most ¥1 000 000; ¥10 000 per percentage point,
     * at most ¥400 000): points = (I_dec − I_nov) / I_nov × 100, change term = points × ¥10 000
     * rounded to the fen and capped; class term = (class number − 3) × ¥500 000; total capped.
     */
    @Test
    void theClassStepDecemberFigureHasAChangeTermAgainstNovembersIndex() throws Exception {
        Scenario step = Scenarios.load("class-step");
        GroundTruth t = new SimulationRun(step.withSimulation(step.simulation().withDuration(java.time.Duration.ofDays(32))),
                new RecordingPublisher(), null, RunOptions.asFastAsPossible()).run();

        assertThat(t.compensation()).extracting(ExpectedCompensation::period).containsExactly("2026-11", "2026-12");
        ExpectedCompensation nov = t.compensation().get(0);
        ExpectedCompensation dec = t.compensation().get(1);
        assertThat(nov.explanation()).contains("no prior index");
        java.math.BigDecimal points = dec.inputs().index().subtract(nov.inputs().index())
                .multiply(java.math.BigDecimal.valueOf(100))
                .divide(nov.inputs().index(), java.math.MathContext.DECIMAL64);
        java.math.BigDecimal change = points.multiply(new java.math.BigDecimal("10000"))
                .setScale(2, java.math.RoundingMode.HALF_UP);
        change = change.abs().min(new java.math.BigDecimal("400000")).multiply(java.math.BigDecimal.valueOf(change.signum()));
        int steps = classNumber(dec.inputs().waterClass().label()) - 3;
        java.math.BigDecimal total = new java.math.BigDecimal("500000").multiply(java.math.BigDecimal.valueOf(steps))
                .add(change);
        total = total.abs().min(new java.math.BigDecimal("1000000")).multiply(java.math.BigDecimal.valueOf(total.signum()));
        java.math.BigDecimal signed = "UPSTREAM_PAYS".equals(dec.direction()) ? dec.amountCny() : dec.amountCny().negate();

        assertThat(change.signum()).as("the index moved").isNotZero();
        assertThat(signed).isEqualByComparingTo(total);
        assertThat(dec.explanation()).contains("percentage points from " + nov.inputs().index().stripTrailingZeros().toPlainString());
    }

    private static int classNumber(String label) {
        return List.of("I", "II", "III", "IV", "V", "劣V").indexOf(label) + 1;
    }
}
