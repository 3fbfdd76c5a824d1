package org.ecovalue.simulator.signal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.schemas.standards.water.WaterClass;
import org.ecovalue.simulator.scenario.AirEpisode;
import org.ecovalue.simulator.scenario.Incident;
import org.ecovalue.simulator.scenario.Scenario;
import org.ecovalue.simulator.scenario.Simulation;

/**
 * The clean signal of every station: a pure function of (seed, station, parameter, time), so a run is
 * deterministic and any instant can be recomputed. Diurnal cycles (water temperature, DO and pH from
 * photosynthesis, O3 from sunlight, traffic NO2), seasonal baselines, basin-wide rain whose runoff
 * raises flow and turbidity, dilutes NH3-N and flushes TP, reaching each section one travel time after
 * the one above it; pollution incidents travelling downstream and decaying; haze episodes.
 */
public final class BasinSignal {

    private final Simulation simulation;
    private final RainField rain;
    private final Map<String, Integer> sectionPosition = new HashMap<>();
    private final Map<String, Section> sectionById = new HashMap<>();

    public BasinSignal(Scenario scenario) {
        this.simulation = scenario.simulation();
        this.rain = new RainField(simulation.seed(), simulation.zone());
        List<Section> sections = scenario.sections();
        Map<String, Integer> perRiver = new HashMap<>();
        for (Section s : sections) {
            // sections are listed upstream first along each river: the position is the count before it
            sectionPosition.put(s.id(), perRiver.merge(s.river(), 1, Integer::sum) - 1);
            sectionById.put(s.id(), s);
        }
    }

    public RainField rain() {
        return rain;
    }

    /** The station's clean values at {@code t}, in the order of {@link StationParameters#of}, as reported. */
    public double[] values(Station station, Instant t) {
        List<Parameter> params = StationParameters.of(station.kind());
        double[] v = new double[params.size()];
        Ctx c = new Ctx(station, t);
        for (int i = 0; i < v.length; i++) {
            v[i] = StationParameters.reported(params.get(i), value(c, params.get(i), i));
        }
        return v;
    }

    private final class Ctx {
        final long key;
        final long sec;
        final double hour;
        final double summer;
        final int position;
        final Section section;
        final Instant t;
        final double runoff;
        final double rainRate;

        Ctx(Station station, Instant t) {
            this.t = t;
            key = Noise.of(station.id());
            sec = t.getEpochSecond();
            ZonedDateTime local = t.atZone(simulation.zone());
            hour = local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0;
            summer = RainField.summerness(t, simulation.zone());
            section = station.section() == null ? null : sectionById.get(station.section());
            position = section == null ? 0 : sectionPosition.get(section.id());
            Duration lag = simulation.travelTime().multipliedBy(position);
            runoff = rain.runoff(t.minus(lag));
            rainRate = rain.rateMmPerHour(t);
        }

        double diurnal(double peakHour) {
            return Math.cos(2 * Math.PI * (hour - peakHour) / 24);
        }

        double daylight() {
            return hour > 6 && hour < 18 ? Math.sin(Math.PI * (hour - 6) / 12) : 0;
        }

        double gauss(int param) {
            return Noise.gaussian(simulation.seed(), key, param, sec);
        }

        double wander(int param, long knotSeconds) {
            return Noise.smooth(simulation.seed(), key, param + 1000, sec, knotSeconds);
        }
    }

    private double value(Ctx c, Parameter p, int i) {
        return switch (p) {
            case WATER_TEMP -> waterTemp(c) + 0.3 * c.wander(i, 6 * 3600);
            case DO -> {
                double sat = oxygenSaturationMgL(waterTemp(c));
                yield sat * (0.84 + 0.07 * c.diurnal(15)) - 0.3 * Math.min(c.runoff, 3) + 0.08 * c.gauss(i);
            }
            case PH -> 7.5 + 0.25 * c.diurnal(15) + 0.04 * c.gauss(i);
            case CONDUCTIVITY -> 320 / (1 + 0.3 * c.runoff) + 10 * c.wander(i, 12 * 3600);
            case TURBIDITY -> 6 + 22 * c.runoff + Math.abs(c.gauss(i));
            // + the analyser's repeatability (white, as DO, pH and TN have): without it a smooth signal
            // rounded to the analyser's decimals can sit on one value for six hours and more, which
            // quality control rightly calls a stuck sensor (flat-line) — no real analyser repeats itself so
            case CODMN -> base(c, 0) * (1 + 0.25 * c.runoff) * (1 + 0.05 * c.wander(i, 6 * 3600)) + incident(c, p)
                    + 0.03 * c.gauss(i);
            case NH3N -> base(c, 1) * (1 + 0.12 * c.diurnal(8)) / (1 + 0.4 * c.runoff) * (1 + 0.08 * c.wander(i, 6 * 3600))
                    + incident(c, p) + 0.004 * c.gauss(i);
            case TP -> base(c, 2) * (1 + 0.6 * c.runoff) * (1 + 0.08 * c.wander(i, 6 * 3600)) + incident(c, p)
                    + 0.002 * c.gauss(i);
            case TN -> 2.0 * base(c, 1) + 0.6 + 0.3 * c.runoff + 0.05 * c.gauss(i) + incident(c, p);
            case FLOW -> baseFlow(c) * (0.7 + 0.6 * c.summer) * (1 + 2.5 * c.runoff) * (1 + 0.03 * c.wander(i, 3 * 3600));
            case WATER_LEVEL -> 0.8 + 0.45 * Math.pow(baseFlow(c) * (0.7 + 0.6 * c.summer) * (1 + 2.5 * c.runoff), 0.4);
            case PM25 -> particulate(c, i);
            case PM10 -> particulate(c, i) * 1.7 + 5;
            case SO2 -> 8 * (1 + 0.3 * c.wander(i, 6 * 3600));
            case NO2 -> 22 * (1 + 0.35 * c.diurnal(8)) * Math.sqrt(episode(c)) * (1 + 0.1 * c.wander(i, 3 * 3600));
            case CO -> 0.5 * (1 + 0.2 * c.diurnal(8)) * Math.sqrt(episode(c));
            case O3 -> Math.max(2, 30 + (40 + 70 * c.summer) * Math.max(0, c.diurnal(15))) / (1 + 0.2 * c.rainRate)
                    * (1 + 0.08 * c.wander(i, 3 * 3600));
            case SOIL_MOISTURE -> 22 + 12 * Math.min(1, c.runoff / 2) + 1.5 * c.wander(i, 7 * 86400);
            case SOIL_TEMP -> 6 + 16 * c.summer + 1.5 * c.diurnal(17);
            case SOIL_PH -> 6.2 + 0.05 * c.wander(i, 30 * 86400);
            case SOIL_EC -> 180 + 40 * Math.min(1, c.runoff) + 5 * c.wander(i, 7 * 86400);
            case AIR_TEMP -> 6 + 22 * c.summer + 4 * c.diurnal(15) + c.wander(i, 6 * 3600);
            case HUMIDITY -> Math.min(100, 65 - 15 * c.diurnal(15) + (c.rainRate > 0 ? 30 : 0) + 3 * c.wander(i, 3 * 3600));
            case WIND_SPEED -> Math.abs(2 + 1.2 * c.wander(i, 3600));
            case SOLAR_RADIATION -> c.daylight() * (550 + 400 * c.summer) * (c.rainRate > 0 ? 0.2 : 1);
            case PRECIPITATION -> c.rainRate; // mm in the hour; a station reporting more often sends its share
            case PRESSURE -> 1016 - 10 * c.summer + 2 * c.wander(i, 12 * 3600);
            default -> 0;
        };
    }

    private static double waterTemp(Ctx c) {
        return 8 + 18 * c.summer + 1.2 * c.diurnal(16);
    }

    /** Benson & Krause fit of O2 saturation in fresh water at sea level [mg/L], T in °C. */
    static double oxygenSaturationMgL(double t) {
        return 14.62 - 0.3898 * t + 0.006969 * t * t - 0.00005897 * t * t * t;
    }

    /**
     * Dry-weather level of CODMn, NH3-N, TP at a section: 70 % of the GB 3838-2002 Table 1 limit of its
     * target class, so a clean section meets its target except when rain or an incident pushes it over.
     */
    private static double base(Ctx c, int factor) {
        WaterClass target = c.section == null ? WaterClass.III : c.section.targetClass();
        double[][] limits = { // CODMn, NH3-N, TP (river) of classes I..V, Table 1 items 4, 7, 9
                {2, 0.15, 0.02}, {4, 0.5, 0.1}, {6, 1.0, 0.2}, {10, 1.5, 0.3}, {15, 2.0, 0.4}};
        int k = Math.min(4, target.ordinal());
        return 0.7 * limits[k][factor];
    }

    private static double baseFlow(Ctx c) {
        return 15 * (1 + 0.7 * c.position);
    }

    private double particulate(Ctx c, int i) {
        return 30 * (1.5 - 0.8 * c.summer) * (1 + 0.25 * c.diurnal(8)) / (1 + 0.3 * c.rainRate)
                * (1 + 0.15 * c.wander(i, 6 * 3600)) * episode(c);
    }

    private double episode(Ctx c) {
        double f = 1;
        for (AirEpisode e : simulation.airEpisodes()) {
            if (e.covers(c.t)) {
                f = Math.max(f, e.factor());
            }
        }
        return f;
    }

    /** What incidents add at this section now: each arrives one travel time per section later, 40 % weaker. */
    private double incident(Ctx c, Parameter p) {
        if (c.section == null || simulation.incidents().isEmpty()) {
            return 0;
        }
        double add = 0;
        for (Incident inc : simulation.incidents()) {
            Section origin = sectionById.get(inc.section());
            if (!inc.param().equals(p.code()) || origin == null || !origin.river().equals(c.section.river())) {
                continue;
            }
            int hops = c.position - sectionPosition.get(origin.id());
            if (hops < 0) {
                continue;
            }
            Instant arrival = inc.start().plus(simulation.travelTime().multipliedBy(hops));
            double hoursSince = Duration.between(arrival, c.t).toSeconds() / 3600.0;
            if (hoursSince >= 0) {
                add += inc.peakMgL() * Math.pow(0.6, hops) * Math.exp(-hoursSince * 3600 / inc.decay().toSeconds());
            }
        }
        return add;
    }

    public ZoneId zone() {
        return simulation.zone();
    }
}
