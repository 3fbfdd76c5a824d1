package org.ecovalue.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the simulator runs. Option names and defaults side by side.
 *
 * @param serverUri MQTT broker, e.g. {@code tcp://127.0.0.1:1883}
 * @param stations  the simulated stations
 * @param interval  time between two observations of one station
 * @param seed      makes the values reproducible
 */
public record SimulatorConfig(String serverUri, List<StationProfile> stations, Duration interval, long seed) {

    public static final String INTERVAL = "sim-interval";
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(3);
    public static final String SEED = "sim-seed";
    public static final long DEFAULT_SEED = 42;
    public static final String CLIENT_ID = "ecovalue-simulator";

    public SimulatorConfig {
        Objects.requireNonNull(serverUri, "serverUri");
        stations = List.copyOf(stations);
        if (stations.isEmpty()) {
            throw new IllegalArgumentException("no stations to simulate");
        }
        if (interval.toMillis() < 10) {
            throw new IllegalArgumentException(INTERVAL + " must be at least 10 ms, got " + interval);
        }
    }

    public static SimulatorConfig demo(String serverUri) {
        return new SimulatorConfig(serverUri, DemoBasin.stations(), DEFAULT_INTERVAL, DEFAULT_SEED);
    }

    public SimulatorConfig withInterval(Duration newInterval) {
        return new SimulatorConfig(serverUri, stations, newInterval, seed);
    }
}
