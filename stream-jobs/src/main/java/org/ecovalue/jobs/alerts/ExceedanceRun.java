package org.ecovalue.jobs.alerts;

import org.ecovalue.schemas.alert.Alert;

/**
 * Where a section stands against its target: the current streak of readings worse than (or within)
 * the target and when it began, and the open episode if any.
 *
 * @param worse        the current streak is of readings worse than the target
 * @param streak       readings in the current streak
 * @param streakFromMs event time of the streak's first reading
 * @param open         the open EXCEEDANCE episode, or null
 */
public record ExceedanceRun(boolean worse, int streak, long streakFromMs, Alert open) {

    public ExceedanceRun next(boolean worseNow, long tsMillis) {
        return worseNow == worse ? new ExceedanceRun(worse, streak + 1, streakFromMs, open)
                : new ExceedanceRun(worseNow, 1, tsMillis, open);
    }

    public ExceedanceRun withOpen(Alert alert) {
        return new ExceedanceRun(worse, streak, streakFromMs, alert);
    }
}
