package org.ecovalue.jobs;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the pipeline needs besides its sources and sinks. Option names and defaults side by side;
 * {@code --help} of {@code ecovalue pipeline} and docs/pipeline.md list the same.
 *
 * @param maxOutOfOrderness how far event time may go backwards within a source split before data counts as late
 * @param sourceIdleness    after how long without data a split stops holding the watermark back (stations sleep)
 * @param readerIdleness    after how long without data in any of its splits a source reader as a whole is announced
 *                          idle downstream; a shorter lull only stops its watermark ({@link
 *                          org.ecovalue.jobs.time.ReaderIdleness}: why the two differ)
 * @param allowedLateness   after a period's end, how long the watermark waits before the period turns FINAL
 * @param lateHorizon       after a period's end, how long late data still revises a FINAL figure; later data
 *                          goes to the late side output (must be at least {@code allowedLateness})
 * @param liveEvery         event time between two LIVE updates of one figure (rate limit)
 * @param registryWait      how long (event time) an observation of a station not yet in the registry waits
 * @param flatLineAfter     a sensor whose value has not moved for this long (event time) is stuck
 * @param gapAfterIntervals a station silent for this many reporting intervals is in a data gap
 * @param zone              the zone whose calendar days make the periods (DESIGN.md "Semantics")
 */
public record PipelineOptions(Duration maxOutOfOrderness, Duration sourceIdleness, Duration readerIdleness,
                              Duration allowedLateness,
                              Duration lateHorizon, Duration liveEvery, Duration registryWait,
                              Duration flatLineAfter, int gapAfterIntervals, ZoneId zone) {

    public static final String MAX_OUT_OF_ORDERNESS = "max-out-of-orderness";
    public static final Duration DEFAULT_MAX_OUT_OF_ORDERNESS = Duration.ofMinutes(1);
    public static final String SOURCE_IDLENESS = "source-idleness";
    public static final Duration DEFAULT_SOURCE_IDLENESS = Duration.ofSeconds(30);
    public static final String READER_IDLENESS = "reader-idleness";
    /** Above the usual pause between two readings anywhere in one reader's partitions (docs/pipeline.md). */
    public static final Duration DEFAULT_READER_IDLENESS = Duration.ofMinutes(10);
    public static final String ALLOWED_LATENESS = "allowed-lateness";
    public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.ofMinutes(10);
    public static final String LATE_HORIZON = "late-horizon";
    public static final Duration DEFAULT_LATE_HORIZON = Duration.ofDays(2);
    public static final String LIVE_EVERY = "live-every";
    public static final Duration DEFAULT_LIVE_EVERY = Duration.ofMinutes(15);
    public static final String REGISTRY_WAIT = "registry-wait";
    public static final Duration DEFAULT_REGISTRY_WAIT = Duration.ofHours(1);
    public static final String FLAT_LINE_AFTER = "flat-line-after";
    public static final Duration DEFAULT_FLAT_LINE_AFTER = Duration.ofHours(6);
    public static final String GAP_AFTER_INTERVALS = "gap-after-intervals";
    public static final int DEFAULT_GAP_AFTER_INTERVALS = 3;
    public static final String ZONE = "zone";
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public PipelineOptions {
        requirePositive(MAX_OUT_OF_ORDERNESS, maxOutOfOrderness);
        requirePositive(SOURCE_IDLENESS, sourceIdleness);
        requirePositive(READER_IDLENESS, readerIdleness);
        requirePositive(ALLOWED_LATENESS, allowedLateness);
        requirePositive(LATE_HORIZON, lateHorizon);
        requirePositive(LIVE_EVERY, liveEvery);
        requirePositive(REGISTRY_WAIT, registryWait);
        if (lateHorizon.compareTo(allowedLateness) < 0) {
            throw new IllegalArgumentException(LATE_HORIZON + " (" + lateHorizon + ") must be at least "
                    + ALLOWED_LATENESS + " (" + allowedLateness + ")");
        }
        requirePositive(FLAT_LINE_AFTER, flatLineAfter);
        if (gapAfterIntervals < 1) {
            throw new IllegalArgumentException(GAP_AFTER_INTERVALS + " must be at least 1, got " + gapAfterIntervals);
        }
        Objects.requireNonNull(zone, ZONE);
    }

    public static PipelineOptions defaults() {
        return new PipelineOptions(DEFAULT_MAX_OUT_OF_ORDERNESS, DEFAULT_SOURCE_IDLENESS, DEFAULT_READER_IDLENESS,
                DEFAULT_ALLOWED_LATENESS,
                DEFAULT_LATE_HORIZON, DEFAULT_LIVE_EVERY, DEFAULT_REGISTRY_WAIT, DEFAULT_FLAT_LINE_AFTER,
                DEFAULT_GAP_AFTER_INTERVALS, DEFAULT_ZONE);
    }

    public PipelineOptions withLateness(Duration allowed, Duration horizon) {
        return new PipelineOptions(maxOutOfOrderness, sourceIdleness, readerIdleness, allowed, horizon, liveEvery,
                registryWait, flatLineAfter, gapAfterIntervals, zone);
    }

    private static void requirePositive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
