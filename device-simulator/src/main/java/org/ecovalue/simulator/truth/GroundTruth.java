package org.ecovalue.simulator.truth;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a run sent and what the pipeline should conclude from it (docs/simulator.md "Ground truth").
 *
 * @param sent           per station: messages, and readings per parameter (duplicates included, dropouts not)
 * @param faults         every fault of the scenario, with the messages it touched
 * @param waterClass     per section and hour, over the clean signal
 * @param compensation   per agreement and period, over the clean signal
 * @param notComputed    agreements without an expected figure, and why
 */
public record GroundTruth(String scenario, long seed, Instant start, Instant end, long messages, long readings,
                          Map<String, StationCounts> sent, List<FaultRecord> faults, List<SectionHourClass> waterClass,
                          List<ExpectedCompensation> compensation, Map<String, String> notComputed) {

    /** Messages and readings per parameter of one station. */
    public record StationCounts(long messages, Map<String, Long> readings) {
    }
}
