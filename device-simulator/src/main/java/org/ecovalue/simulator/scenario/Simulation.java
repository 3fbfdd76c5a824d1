package org.ecovalue.simulator.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The {@code simulation:} section of a scenario: how the basin behaves and what goes wrong on purpose.
 *
 * @param seed          makes every value reproducible
 * @param start         simulated time of the first readings (whole hour)
 * @param duration      simulated time to run; null = until stopped
 * @param zone          local time of the stations (HJ 212 DataTime, diurnal cycles)
 * @param travelTime    river travel time from one section to the next one downstream
 * @param incidents     pollution incidents
 * @param airEpisodes   haze episodes
 * @param faults        faults on demand
 */
public record Simulation(long seed, Instant start, Duration duration, ZoneId zone, Duration travelTime,
                         List<Incident> incidents, List<AirEpisode> airEpisodes, List<FaultSpec> faults) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    public static final Duration DEFAULT_TRAVEL_TIME = Duration.ofHours(6);

    public Simulation {
        Objects.requireNonNull(start, "start");
        if (start.getEpochSecond() % 3600 != 0) {
            throw new IllegalArgumentException("start must be a whole hour (hourly figures), got " + start);
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("duration must be positive, got " + duration);
        }
        zone = zone == null ? DEFAULT_ZONE : zone;
        travelTime = travelTime == null ? DEFAULT_TRAVEL_TIME : travelTime;
        incidents = incidents == null ? List.of() : List.copyOf(incidents);
        airEpisodes = airEpisodes == null ? List.of() : List.copyOf(airEpisodes);
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    public Simulation withSeed(long newSeed) {
        return new Simulation(newSeed, start, duration, zone, travelTime, incidents, airEpisodes, faults);
    }

    /** Moves the whole run, faults and incidents included, so that it starts at {@code newStart}. */
    public Simulation startingAt(Instant newStart) {
        Duration shift = Duration.between(start, newStart);
        return new Simulation(seed, newStart, duration, zone, travelTime,
                incidents.stream().map(i -> new Incident(i.section(), i.param(), i.start().plus(shift), i.peakMgL(),
                        i.decay())).toList(),
                airEpisodes.stream().map(e -> new AirEpisode(e.start().plus(shift), e.duration(), e.factor())).toList(),
                faults.stream().map(f -> new FaultSpec(f.type(), f.stations(), f.start().plus(shift), f.duration(),
                        f.param(), f.magnitude(), f.claims())).toList());
    }

    public Simulation withDuration(Duration newDuration) {
        return new Simulation(seed, start, newDuration, zone, travelTime, incidents, airEpisodes, faults);
    }

    public Instant end() {
        return duration == null ? null : start.plus(duration);
    }
}
