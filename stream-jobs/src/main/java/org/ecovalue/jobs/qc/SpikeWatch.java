package org.ecovalue.jobs.qc;

/**
 * A sensor's suspect reading, waiting for the next one to tell a spike from a change of level.
 *
 * @param before       the value of the reading before the jump
 * @param suspect      the value that jumped away from it
 * @param suspectTsMs  event time of the suspect reading
 */
public record SpikeWatch(double before, double suspect, long suspectTsMs) {

    /** The next reading came back to where the sensor was before the jump: the suspect was a spike. */
    public boolean isSpikeGiven(SpikeThreshold threshold, double next) {
        return !threshold.jumps(before, next);
    }
}
