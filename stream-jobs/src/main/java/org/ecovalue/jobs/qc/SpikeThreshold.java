package org.ecovalue.jobs.qc;

import java.util.Map;
import java.util.Optional;

/**
 * How far (canonical unit, DESIGN.md "Parameter codes") one reading of a sensor may jump away from its
 * neighbours before it is suspect: a reading further than this from the one before it, followed by a
 * reading that is back within this of the one before, is a spike (verdict {@code spike}), kept but
 * excluded from figures. A jump that stays is a real change of level and keeps its {@code ok}.
 *
 * <p>No standard gives these numbers (HJ 212 and the GB standards say nothing about spikes); they are
 * engineering choices, several times the change a real signal makes between two readings of an
 * automatic station (5 min to 1 h apart) and well above the sensors' noise, so that only jumps a
 * waterbody, the air or the soil cannot make and undo that fast are caught. Parameters without an entry
 * (flow, water level, precipitation: floods and showers do rise and fall within one interval) are not
 * checked. Change them here, in one place.
 */
public record SpikeThreshold(double maxJump) {

    public SpikeThreshold {
        if (!(maxJump > 0)) {
            throw new IllegalArgumentException("maxJump must be positive, got " + maxJump);
        }
    }

    private static final Map<String, SpikeThreshold> BY_PARAM = Map.ofEntries(
            // water (mg/L unless noted): a river's chemistry moves over hours, not between two readings
            Map.entry("ph", new SpikeThreshold(1.5)),
            Map.entry("do", new SpikeThreshold(5)),
            Map.entry("codmn", new SpikeThreshold(10)),
            Map.entry("cod", new SpikeThreshold(50)),
            Map.entry("nh3n", new SpikeThreshold(3)),
            Map.entry("tp", new SpikeThreshold(0.5)),
            Map.entry("tn", new SpikeThreshold(5)),
            Map.entry("water_temp", new SpikeThreshold(5)), // °C
            // air (µg/m³, CO mg/m³): hourly means of a city station
            Map.entry("pm25", new SpikeThreshold(200)),
            Map.entry("pm10", new SpikeThreshold(300)),
            Map.entry("so2", new SpikeThreshold(300)),
            Map.entry("no2", new SpikeThreshold(200)),
            Map.entry("co", new SpikeThreshold(5)),
            Map.entry("o3", new SpikeThreshold(200)),
            Map.entry("air_temp", new SpikeThreshold(10)), // °C
            Map.entry("humidity", new SpikeThreshold(40)), // %
            // soil: moisture rises with rain but does not fall back within one reading (%)
            Map.entry("soil_moisture", new SpikeThreshold(20)),
            Map.entry("soil_temp", new SpikeThreshold(10))); // °C

    /** The threshold of a canonical parameter code; empty for a parameter without a spike check. */
    public static Optional<SpikeThreshold> of(String param) {
        return Optional.ofNullable(BY_PARAM.get(param));
    }

    /** {@code value} is further than the threshold from {@code neighbour}. */
    public boolean jumps(double neighbour, double value) {
        return Math.abs(value - neighbour) > maxJump;
    }
}
