package org.ecovalue.simulator.truth;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The GB 3838-2002 class of a section in one hour, from the hour's mean clean values. */
public record SectionHourClass(String section, Instant hour, String waterClass, List<String> limiting,
                               Map<String, Double> meansMgL, Double meanFlowM3s) {
}
