package org.ecovalue.schemas.compensation;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.ecovalue.schemas.registry.Agreement;
import org.ecovalue.schemas.registry.PeriodKind;

/**
 * A settlement period of one section, fed hour by hour with paired quality and flow
 * ({@link SectionHour}), kept as plain data (records, decimals, a bit set as {@code long[]}) so that
 * a Flink job can hold it in state and a simulator can compute the same figures. Immutable: every
 * change returns a new accumulator. Sums are exact decimals, so the order of hours and merges does
 * not change a figure.
 *
 * <p>The period is a calendar month or year in the agreement's zone (DESIGN.md "Semantics"): its
 * expected hours come from the zone's calendar (February 2028: 29 × 24 = 696), so an hour belongs
 * to the period that contains its start in local time (2026-03-31T16:00Z is 2026-04-01 00:00 in
 * Asia/Shanghai, hence April).
 *
 * <p>Each hour is counted once: {@code hoursFed} is a bit set of the hours (index from the period
 * start) already in. Feeding an hour twice is refused; to replace an hour (late data), take the old
 * one out with {@link #withoutHour} and put the new one in.
 *
 * @param factors   per parameter code, what the period holds of it
 * @param flowHours hours with a volume
 * @param volumeM3  Σ V_h over those hours [m³]
 * @param hoursFed  bit i set: the hour starting i hours after the period start is in
 */
public record PeriodAccumulator(PeriodKind kind, String period, ZoneId zone, Map<String, FactorTotals> factors,
        int flowHours, BigDecimal volumeM3, long[] hoursFed) implements Serializable {

    public PeriodAccumulator {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(zone, "zone");
        if (PeriodKind.ofLabel(period) != kind) {
            throw new IllegalArgumentException("'" + period + "' is not a " + kind.code() + " label");
        }
        factors = Collections.unmodifiableSortedMap(new TreeMap<>(factors));
        Objects.requireNonNull(volumeM3, "volumeM3");
        hoursFed = hoursFed.clone();
        int words = (hoursBetween(kind.start(period, zone), kind.end(period, zone)) + 63) / 64;
        if (hoursFed.length != words) {
            throw new IllegalArgumentException("period " + period + " in " + zone + " needs " + words
                    + " words of hour bits, got " + hoursFed.length);
        }
        if (flowHours < 0 || volumeM3.signum() < 0) {
            throw new IllegalArgumentException("flow hours and volume are not negative: " + flowHours + ", "
                    + volumeM3.toPlainString());
        }
    }

    /** The fed hours as a copy (the record keeps its own array). */
    @Override
    public long[] hoursFed() {
        return hoursFed.clone();
    }

    /** An empty period. */
    public static PeriodAccumulator empty(PeriodKind kind, String period, ZoneId zone) {
        int hours = hoursBetween(kind.start(period, zone), kind.end(period, zone));
        return new PeriodAccumulator(kind, period, zone, Map.of(), 0, BigDecimal.ZERO, new long[(hours + 63) / 64]);
    }

    /** The empty settlement period of {@code agreement} labelled {@code period}. */
    public static PeriodAccumulator empty(Agreement agreement, String period) {
        return empty(agreement.period(), period, agreement.zone());
    }

    /** The empty settlement period of {@code agreement} that contains {@code instant}. */
    public static PeriodAccumulator containing(Agreement agreement, Instant instant) {
        return empty(agreement, agreement.periodOf(instant));
    }

    /** Start of the period (inclusive). */
    public Instant start() {
        return kind.start(period, zone);
    }

    /** End of the period (exclusive). */
    public Instant end() {
        return kind.end(period, zone);
    }

    /** Hours in the period by the zone's calendar: the denominator of completeness. */
    public int expectedHours() {
        return hoursBetween(start(), end());
    }

    /** Whether the hour starting at {@code hourStart} belongs to this period. */
    public boolean contains(Instant hourStart) {
        return !hourStart.isBefore(start()) && hourStart.isBefore(end());
    }

    /** Whether that hour is already in. */
    public boolean hasHour(Instant hourStart) {
        int i = index(hourStart);
        return (hoursFed[i >>> 6] & (1L << i)) != 0;
    }

    /** How many hours have been fed (with quality, flow or both). */
    public int hoursFedCount() {
        return Arrays.stream(hoursFed).mapToInt(Long::bitCount).sum();
    }

    /** What the period holds of a factor; {@link FactorTotals#NONE} if it was never measured. */
    public FactorTotals factor(String param) {
        return factors.getOrDefault(param, FactorTotals.NONE);
    }

    /** {@code hours} / expected hours, in [0, 1]. */
    public double completeness(int hours) {
        return (double) hours / expectedHours();
    }

    /** The period with one more hour. */
    public PeriodAccumulator withHour(SectionHour hour) {
        int i = index(hour.hourStart());
        if ((hoursFed[i >>> 6] & (1L << i)) != 0) {
            throw new IllegalArgumentException("hour " + hour.hourStart() + " is already in period " + period
                    + "; take it out first (withoutHour) to replace it");
        }
        BigDecimal volume = hour.volumeM3() == null ? null : BigDecimal.valueOf(hour.volumeM3());
        Map<String, FactorTotals> next = new TreeMap<>(factors);
        hour.concentrationsMgL().forEach((param, c) ->
                next.put(param, factor(param).plus(BigDecimal.valueOf(c), volume)));
        long[] fed = hoursFed.clone();
        fed[i >>> 6] |= 1L << i;
        return new PeriodAccumulator(kind, period, zone, next, flowHours + (volume == null ? 0 : 1),
                volume == null ? volumeM3 : volumeM3.add(volume), fed);
    }

    /** The period without an hour fed before (exactly as it was fed), e.g. to replace it with late data. */
    public PeriodAccumulator withoutHour(SectionHour hour) {
        int i = index(hour.hourStart());
        if ((hoursFed[i >>> 6] & (1L << i)) == 0) {
            throw new IllegalArgumentException("hour " + hour.hourStart() + " is not in period " + period);
        }
        BigDecimal volume = hour.volumeM3() == null ? null : BigDecimal.valueOf(hour.volumeM3());
        Map<String, FactorTotals> next = new TreeMap<>(factors);
        hour.concentrationsMgL().forEach((param, c) -> {
            FactorTotals t = factor(param).minus(BigDecimal.valueOf(c), volume);
            if (t.validHours() == 0) {
                next.remove(param);
            } else {
                next.put(param, t);
            }
        });
        long[] fed = hoursFed.clone();
        fed[i >>> 6] &= ~(1L << i);
        return new PeriodAccumulator(kind, period, zone, next, flowHours - (volume == null ? 0 : 1),
                volume == null ? volumeM3 : volumeM3.subtract(volume), fed);
    }

    /** Both parts of one period together (e.g. from parallel partial sums); they must not share an hour. */
    public PeriodAccumulator merge(PeriodAccumulator other) {
        if (kind != other.kind || !period.equals(other.period) || !zone.equals(other.zone)) {
            throw new IllegalArgumentException("cannot merge period " + other.period + " (" + other.zone + ") into "
                    + period + " (" + zone + ")");
        }
        long[] fed = hoursFed.clone();
        for (int w = 0; w < fed.length; w++) {
            if ((fed[w] & other.hoursFed[w]) != 0) {
                throw new IllegalArgumentException("the two parts of period " + period + " share hours; an hour counts once");
            }
            fed[w] |= other.hoursFed[w];
        }
        Map<String, FactorTotals> next = new TreeMap<>(factors);
        other.factors.forEach((param, t) -> next.merge(param, t, FactorTotals::merge));
        return new PeriodAccumulator(kind, period, zone, next, flowHours + other.flowHours,
                volumeM3.add(other.volumeM3), fed);
    }

    private int index(Instant hourStart) {
        if (!contains(hourStart)) {
            throw new IllegalArgumentException("hour " + hourStart + " is outside period " + period + " in " + zone
                    + " [" + start() + ", " + end() + ")");
        }
        Duration offset = Duration.between(start(), hourStart);
        if (offset.toSeconds() % SectionHour.SECONDS_PER_HOUR != 0) {
            throw new IllegalArgumentException(hourStart + " is not the start of an hour of period " + period);
        }
        return (int) offset.toHours();
    }

    private static int hoursBetween(Instant start, Instant end) {
        return Math.toIntExact(Duration.between(start, end).toHours());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeriodAccumulator p && kind == p.kind && period.equals(p.period) && zone.equals(p.zone)
                && factors.equals(p.factors) && flowHours == p.flowHours && volumeM3.compareTo(p.volumeM3) == 0
                && Arrays.equals(hoursFed, p.hoursFed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, period, zone, factors, flowHours, volumeM3.stripTrailingZeros(),
                Arrays.hashCode(hoursFed));
    }

    @Override
    public String toString() {
        return "PeriodAccumulator[" + kind.code() + " " + period + " " + zone + ", " + hoursFedCount() + "/"
                + expectedHours() + " h, " + flowHours + " h with flow, " + volumeM3.toPlainString() + " m³, factors "
                + factors + "]";
    }
}
