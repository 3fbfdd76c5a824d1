package org.ecovalue.simulator.truth;

import java.time.Instant;
import java.util.List;

/** One fault as it happened: what the scenario asked for, and how many messages it touched. */
public record FaultRecord(String type, List<String> stations, String param, Instant start, Instant end, long messages) {
}
