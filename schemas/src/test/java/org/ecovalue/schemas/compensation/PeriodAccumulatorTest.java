package org.ecovalue.schemas.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.ecovalue.schemas.json.Json;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.PeriodKind;
import org.junit.jupiter.api.Test;

class PeriodAccumulatorTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void february2028HasTwentyNineDaysOf24Hours() {
        // 2028 is a leap year: 29 d × 24 h = 696 h; 2026 is not: 28 × 24 = 672 h
        assertThat(PeriodAccumulator.empty(PeriodKind.MONTH, "2028-02", SHANGHAI).expectedHours()).isEqualTo(696);
        assertThat(PeriodAccumulator.empty(PeriodKind.MONTH, "2026-02", SHANGHAI).expectedHours()).isEqualTo(672);
        // a leap year: 366 × 24 = 8784 h
        assertThat(PeriodAccumulator.empty(PeriodKind.YEAR, "2028", SHANGHAI).expectedHours()).isEqualTo(8784);
    }

    @Test
    void expectedHoursComeFromTheZonesCalendar() {
        // Asia/Shanghai has no DST: March has 31 × 24 = 744 h. Berlin springs forward on 2026-03-29: 743 h.
        assertThat(PeriodAccumulator.empty(PeriodKind.MONTH, "2026-03", SHANGHAI).expectedHours()).isEqualTo(744);
        assertThat(PeriodAccumulator.empty(PeriodKind.MONTH, "2026-03", ZoneId.of("Europe/Berlin")).expectedHours())
                .isEqualTo(743);
    }

    @Test
    void anHourStartingAtLocalMidnightBelongsToTheNewMonth() {
        // 2026-03-31T16:00Z = 2026-04-01 00:00 +08:00: the first hour of April, not the last of March
        Instant localMidnight = Instant.parse("2026-03-31T16:00:00Z");
        Agreement a = Fixtures.agreement(new org.ecovalue.schemas.registry.scheme.ClassStepScheme(
                org.ecovalue.schemas.standards.water.WaterClass.III, new BigDecimal("1"), null),
                PeriodKind.MONTH, 0.75, null);
        PeriodAccumulator april = PeriodAccumulator.containing(a, localMidnight);
        PeriodAccumulator march = PeriodAccumulator.empty(a, "2026-03");

        assertThat(april.period()).isEqualTo("2026-04");
        assertThat(april.start()).isEqualTo(localMidnight);
        assertThat(march.contains(localMidnight)).isFalse();
        // 15:00Z = 23:00 local on 31 March: March's last hour
        assertThat(march.contains(Instant.parse("2026-03-31T15:00:00Z"))).isTrue();
        assertThatThrownBy(() -> march.withHour(new SectionHour(localMidnight, Map.of("nh3n", 1.0), 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside period 2026-03");
        assertThat(april.withHour(new SectionHour(localMidnight, Map.of("nh3n", 1.0), 1.0)).hasHour(localMidnight))
                .isTrue();
    }

    @Test
    void givesLoadVolumeAndBothMeansOfAFactor() {
        // hour 1: NH3-N 2.0 mg/L at 100 m³/s → 360,000 m³ → 2.0 g/m³ × 360,000 m³ = 720,000 g
        // hour 2: NH3-N 1.0 mg/L at  50 m³/s → 180,000 m³ → 180,000 g
        // hour 3: NH3-N 4.0 mg/L, flow station down → counts for the arithmetic mean only
        // Σ C·V = 900,000 g; Σ V (paired) = 540,000 m³; flow-weighted mean = 900,000/540,000 = 1.666…
        // arithmetic mean = (2 + 1 + 4)/3 = 7/3 = 2.333…
        PeriodAccumulator acc = PeriodAccumulator.empty(PeriodKind.MONTH, "2026-04", SHANGHAI);
        Instant t0 = acc.start();
        acc = acc.withHour(SectionHour.ofMeanFlow(t0, Map.of("nh3n", 2.0), 100.0))
                .withHour(SectionHour.ofMeanFlow(t0.plusSeconds(3600), Map.of("nh3n", 1.0), 50.0))
                .withHour(SectionHour.ofMeanFlow(t0.plusSeconds(7200), Map.of("nh3n", 4.0), null));

        FactorTotals nh3n = acc.factor("nh3n");
        assertThat(nh3n.loadG()).isEqualByComparingTo("900000");
        assertThat(nh3n.pairedVolumeM3()).isEqualByComparingTo("540000");
        assertThat(nh3n.validHours()).isEqualTo(3);
        assertThat(nh3n.pairedHours()).isEqualTo(2);
        assertThat(nh3n.flowWeightedMeanMgL()).get().isEqualTo(new BigDecimal("1.666666666666667"));
        assertThat(nh3n.meanMgL()).get().isEqualTo(new BigDecimal("2.333333333333333"));
        assertThat(acc.volumeM3()).isEqualByComparingTo("540000");
        assertThat(acc.flowHours()).isEqualTo(2);
        assertThat(acc.hoursFedCount()).isEqualTo(3);
        // April: 30 × 24 = 720 h; 3 valid hours → 3/720
        assertThat(acc.completeness(nh3n.validHours())).isEqualTo(3.0 / 720);
    }

    @Test
    void volumeFromMeanFlowIsExactInDecimals() {
        // 35.2 m³/s × 3600 s = 126,720 m³ (in binary floating point 35.2 × 3600 is not exactly that)
        assertThat(SectionHour.ofMeanFlow(Instant.parse("2026-04-01T00:00:00Z"), Map.of(), 35.2).volumeM3())
                .isEqualTo(126_720.0);
    }

    @Test
    void volumeFromFlowSamplesIsTheirStepIntegralOverTheHour() {
        Instant h = Instant.parse("2026-04-01T00:00:00Z");
        // :00 10 m³/s, :30 20 m³/s: 10 × 1800 s + 20 × 1800 s = 18,000 + 36,000 = 54,000 m³
        assertThat(SectionHour.volumeM3FromFlowSamples(h, java.util.List.of(
                new FlowSample(h.plusSeconds(1800), 20), new FlowSample(h, 10)))).isEqualTo(54_000.0);
        // :15 10 m³/s (held back to :00), :45 30 m³/s: 10 × 2700 s + 30 × 900 s = 27,000 + 27,000 = 54,000 m³
        assertThat(SectionHour.volumeM3FromFlowSamples(h, java.util.List.of(
                new FlowSample(h.plusSeconds(900), 10), new FlowSample(h.plusSeconds(2700), 30)))).isEqualTo(54_000.0);
        // twelve 5-minute samples of 35.2 m³/s: 35.2 × 3600 = 126,720 m³
        java.util.List<FlowSample> every5 = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> new FlowSample(h.plusSeconds(300L * i), 35.2)).toList();
        assertThat(SectionHour.volumeM3FromFlowSamples(h, every5)).isEqualTo(126_720.0);
        assertThat(SectionHour.volumeM3FromFlowSamples(h, java.util.List.of())).isNull();
        assertThatThrownBy(() -> SectionHour.volumeM3FromFlowSamples(h, java.util.List.of(
                new FlowSample(h.plusSeconds(3600), 1)))).hasMessageContaining("outside the hour");
    }

    @Test
    void anHourCountsOnceAndCanBeReplaced() {
        PeriodAccumulator acc = PeriodAccumulator.empty(PeriodKind.MONTH, "2026-04", SHANGHAI);
        SectionHour first = new SectionHour(acc.start(), Map.of("nh3n", 1.5), 1000.0);
        SectionHour late = new SectionHour(acc.start(), Map.of("nh3n", 0.5, "tp", 0.1), 2000.0);
        PeriodAccumulator once = acc.withHour(first);

        assertThatThrownBy(() -> once.withHour(first)).hasMessageContaining("already in period 2026-04");
        PeriodAccumulator replaced = once.withoutHour(first).withHour(late);
        // only the late hour remains: 0.5 g/m³ × 2000 m³ = 1000 g
        assertThat(replaced).isEqualTo(acc.withHour(late));
        assertThat(replaced.factor("nh3n").loadG()).isEqualByComparingTo("1000");
        assertThat(replaced.volumeM3()).isEqualByComparingTo("2000");
    }

    @Test
    void partsOfAPeriodMergeToTheWholeInAnyOrder() {
        PeriodAccumulator empty = PeriodAccumulator.empty(PeriodKind.MONTH, "2026-04", SHANGHAI);
        Instant t0 = empty.start();
        SectionHour h0 = new SectionHour(t0, Map.of("nh3n", 0.1, "tp", 0.2), 3.3);
        SectionHour h1 = new SectionHour(t0.plusSeconds(3600), Map.of("nh3n", 0.7), 1.1);
        SectionHour h2 = new SectionHour(t0.plusSeconds(7200), Map.of("tp", 0.3), null);
        PeriodAccumulator whole = empty.withHour(h0).withHour(h1).withHour(h2);

        PeriodAccumulator a = empty.withHour(h2).withHour(h0);
        PeriodAccumulator b = empty.withHour(h1);
        assertThat(a.merge(b)).isEqualTo(whole);
        assertThat(b.merge(a)).isEqualTo(whole);
        assertThatThrownBy(() -> a.merge(a)).hasMessageContaining("share hours");
        assertThatThrownBy(() -> a.merge(PeriodAccumulator.empty(PeriodKind.MONTH, "2026-05", SHANGHAI)))
                .hasMessageContaining("cannot merge period 2026-05");
    }

    @Test
    void anHourMustStartOnAWholeHourOfThePeriod() {
        PeriodAccumulator acc = PeriodAccumulator.empty(PeriodKind.MONTH, "2026-04", SHANGHAI);
        assertThatThrownBy(() -> acc.withHour(new SectionHour(acc.start().plusSeconds(1800), Map.of(), 1.0)))
                .hasMessageContaining("is not the start of an hour");
    }

    @Test
    void aBadHourIsRefusedWithItsReason() {
        Instant t = Instant.parse("2026-04-01T00:00:00Z");
        assertThatThrownBy(() -> new SectionHour(t, Map.of("nh3n", -0.1), 1.0)).hasMessageContaining("not negative");
        assertThatThrownBy(() -> new SectionHour(t, Map.of("pm25", 3.0), 1.0)).hasMessageContaining("not a water quality");
        assertThatThrownBy(() -> new SectionHour(t, Map.of(), -5.0)).hasMessageContaining("volume");
    }

    @Test
    void survivesJsonAndJavaSerializationAsPlainData() throws Exception {
        PeriodAccumulator acc = PeriodAccumulator.empty(PeriodKind.YEAR, "2028", SHANGHAI);
        acc = Fixtures.feed(acc, acc.start().plusSeconds(3600L * 24 * 59), 30, Map.of("nh3n", 1.21, "tp", 0.05), 4.0e5);

        String json = Json.mapper().writeValueAsString(acc);
        assertThat(Json.mapper().readValue(json, PeriodAccumulator.class)).isEqualTo(acc);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(acc);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(acc);
        }
    }
}
