package org.ecovalue.jobs.inventory;

/**
 * One unit's figures of one product for one day so far, immutable: {@link DailyInventory} keeps them
 * in keyed state and turns them into LIVE and FINAL inventory records.
 *
 * @param <D> the figures themselves
 * @param <S> the samples they are built from
 */
public interface DayFigures<D extends DayFigures<D, S>, S> {

    /** These figures with one more sample. */
    D plus(S sample);

    /** 0 while the day is open, 1 for the first FINAL, +1 per late change after it. */
    int revision();

    /** Event time of the latest LIVE figure, {@code Long.MIN_VALUE} if none. */
    long lastLiveMs();

    D finalised();

    D liveAt(long tsMillis);

    default boolean isFinal() {
        return revision() > 0;
    }
}
