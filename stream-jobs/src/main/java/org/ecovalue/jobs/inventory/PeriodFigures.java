package org.ecovalue.jobs.inventory;

/**
 * One unit's figures of one product for one period so far, immutable: {@link PeriodInventory} keeps them
 * in keyed state and turns them into LIVE and FINAL inventory records.
 *
 * @param <D> the figures themselves
 * @param <S> the samples they are built from
 */
public interface PeriodFigures<D extends PeriodFigures<D, S>, S> {

    /** These figures with one more sample. */
    D plus(S sample);

    /** 0 while the period is open, 1 for the first FINAL, +1 per late change after it. */
    int revision();

    /** Event time of the latest LIVE figure, {@code Long.MIN_VALUE} if none. */
    long lastLiveMs();

    D finalised();

    D liveAt(long tsMillis);

    /** Samples that passed quality control and count towards completeness. */
    int validReadings();

    /** Samples a full day brings from the stations that feed these figures (registry, latest sample). */
    double expectedPerDay();

    default boolean isFinal() {
        return revision() > 0;
    }

    /** Share of the readings a period of this length should bring that arrived and counted, at most 1. */
    default double completeness(InventoryPeriod period) {
        return Math.min(1.0, validReadings() / period.ofDaily(expectedPerDay()));
    }
}
