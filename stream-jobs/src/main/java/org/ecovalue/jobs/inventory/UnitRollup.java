package org.ecovalue.jobs.inventory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.flink.util.Collector;
import org.ecovalue.schemas.registry.AdministrativeUnit;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.registry.Station;
import org.ecovalue.schemas.registry.StationKind;
import org.ecovalue.schemas.registry.UnitKind;

/**
 * The higher units a sample also counts for (grid cell → county → city → province, and the basin), so
 * that the daily products of a higher unit are computed from the pooled samples with the same
 * functions as a county's: volumes add up, shares and completeness are recomputed from counts, an hour's
 * AQI is that of the mean concentrations over all the unit's air stations (as a city's AQI is).
 *
 * <ul>
 *   <li>water_resource: a section's flow counts for a higher unit only if the section is one of the
 *       unit's outlets — its upstream unit lies inside, its downstream unit outside — so water that
 *       passes from one county to another of the same city is not counted twice; for a basin, only the
 *       most downstream sections with a flow station count.</li>
 *   <li>water_quality: every section whose upstream unit lies inside (every section of the basin).</li>
 *   <li>clean_air and soil: every air (soil) station in a grid cell of the unit; not rolled up to basins
 *       (the registry does not place grid cells in basins). A higher unit's soil risk class is that of
 *       the pooled mean metals on the strictest land-use column among its samples ({@link PeriodSoil}).</li>
 *   <li>water_conservation: every weather station in a grid cell of the unit; each copy keeps its cell
 *       ({@link WeatherSample#cellId}) so that the unit's figure is the sum of its cells' balances
 *       ({@link UnitConservation}); not rolled up to basins either.</li>
 * </ul>
 * Each roll-up sample carries the higher unit's own expected readings per day, over the same stations.
 */
public final class UnitRollup {

    private static final double SECONDS_PER_DAY = 86_400;

    private UnitRollup() {
    }

    /** Copies of a flow sample of {@code section} for the higher units it is an outlet of. */
    public static List<FlowSample> flow(Registry r, Section section, FlowSample s) {
        List<FlowSample> copies = new ArrayList<>();
        for (Target t : plan(r).flow.computeIfAbsent(section.id(), id -> flowTargets(r, section))) {
            copies.add(new FlowSample(t.id, t.name, t.kind, s.stationId(), s.sectionId(), s.tsMillis(), s.flowM3s(),
                    s.counts(), s.intervalSeconds(), t.expectedPerDay));
        }
        return copies;
    }

    private static List<Target> flowTargets(Registry r, Section section) {
        List<Target> targets = new ArrayList<>();
        for (AdministrativeUnit a : r.ancestorsOf(section.upstreamUnit())) {
            if (isOutletOf(r, section, a.id())) {
                targets.add(new Target(a.id(), a.name(), a.kind(), expected(r, r.sections().stream()
                        .filter(x -> isOutletOf(r, x, a.id())).map(Section::flowStation).toList())));
            }
        }
        r.basin(section.basin()).ifPresent(b -> {
            List<Section> outlets = basinFlowOutlets(r, b.id());
            if (outlets.contains(section)) {
                targets.add(new Target(b.id(), b.name(), UnitKind.BASIN,
                        expected(r, outlets.stream().map(Section::flowStation).toList())));
            }
        });
        return targets;
    }

    /** Copies of a quality sample of {@code section} for every higher unit and the basin it lies in. */
    public static List<QualitySample> quality(Registry r, Section section, QualitySample s) {
        List<QualitySample> copies = new ArrayList<>();
        for (Target t : plan(r).quality.computeIfAbsent(section.id(), id -> qualityTargets(r, section))) {
            copies.add(new QualitySample(t.id, t.name, t.kind, s.stationId(), s.sectionId(), s.tsMillis(),
                    s.waterBody(), s.targetClass(), s.realtimeFactors(), t.expectedPerDay));
        }
        return copies;
    }

    private static List<Target> qualityTargets(Registry r, Section section) {
        List<Target> targets = new ArrayList<>();
        for (AdministrativeUnit a : r.ancestorsOf(section.upstreamUnit())) {
            targets.add(new Target(a.id(), a.name(), a.kind(), expected(r, r.sections().stream()
                    .filter(x -> r.isWithin(x.upstreamUnit(), a.id())).map(Section::qualityStation).toList())));
        }
        r.basin(section.basin()).ifPresent(b -> targets.add(new Target(b.id(), b.name(), UnitKind.BASIN,
                expected(r, r.sections().stream().filter(x -> b.id().equals(x.basin()))
                        .map(Section::qualityStation).toList()))));
        return targets;
    }

    /** Copies of a grid cell's air sample for the cell's county and every unit above it. */
    public static List<AirSample> air(Registry r, String cellUnit, AirSample s) {
        List<AirSample> copies = new ArrayList<>();
        for (Target t : plan(r).air.computeIfAbsent(cellUnit, u -> gridTargets(r, u, StationKind.AIR))) {
            copies.add(new AirSample(t.id, t.name, t.kind, s.stationId(), s.tsMillis(), s.pollutants(),
                    s.negativeIons(), t.expectedPerDay));
        }
        return copies;
    }

    /** Copies of a grid cell's soil sample for the cell's county and every unit above it. */
    public static List<SoilSample> soil(Registry r, String cellUnit, SoilSample s) {
        List<SoilSample> copies = new ArrayList<>();
        for (Target t : plan(r).soil.computeIfAbsent(cellUnit, u -> gridTargets(r, u, StationKind.SOIL))) {
            copies.add(new SoilSample(t.id, t.name, t.kind, s.stationId(), s.tsMillis(), s.moisture(), s.ph(),
                    s.metals(), s.landUse(), t.expectedPerDay));
        }
        return copies;
    }

    /** Copies of a grid cell's weather sample for the cell's county and every unit above it. */
    public static List<WeatherSample> weather(Registry r, String cellUnit, WeatherSample s) {
        List<WeatherSample> copies = new ArrayList<>();
        for (Target t : plan(r).weather.computeIfAbsent(cellUnit, u -> gridTargets(r, u, StationKind.WEATHER))) {
            copies.add(new WeatherSample(t.id, t.name, t.kind, s.stationId(), s.tsMillis(), s.precipitationMm(),
                    s.airTempC(), s.humidityPct(), s.windSpeed(), s.solarWm2(), s.latitude(), s.areaKm2(),
                    s.runoffCoefficient(), s.priceCny(), s.priceRef(), t.expectedPerDay, s.cellId()));
        }
        return copies;
    }

    /** The cell's unit and every unit above it, each with what its stations of {@code kind} bring a day. */
    private static List<Target> gridTargets(Registry r, String cellUnit, StationKind kind) {
        List<AdministrativeUnit> units = new ArrayList<>();
        r.unit(cellUnit).ifPresent(units::add);
        units.addAll(r.ancestorsOf(cellUnit));
        List<Target> targets = new ArrayList<>();
        for (AdministrativeUnit a : units) {
            List<String> stations = r.stations().stream().filter(st -> st.kind() == kind)
                    .filter(st -> r.gridCell(st.gridCell()).map(c -> r.isWithin(c.unit(), a.id())).orElse(false))
                    .map(Station::id).toList();
            targets.add(new Target(a.id(), a.name(), a.kind(), expected(r, stations)));
        }
        return targets;
    }

    /** A higher unit a sample also counts for, with the readings a full day brings there. */
    private record Target(String id, String name, UnitKind kind, double expectedPerDay) {
    }

    /**
     * The targets worked out for one registry. The siting operator keeps its decoded registry until the
     * next change, so the last registry seen by this thread (by identity) is the one to plan for.
     */
    private static final class Plan {
        final Registry registry;
        final Map<String, List<Target>> flow = new HashMap<>();
        final Map<String, List<Target>> quality = new HashMap<>();
        final Map<String, List<Target>> air = new HashMap<>();
        final Map<String, List<Target>> soil = new HashMap<>();
        final Map<String, List<Target>> weather = new HashMap<>();

        Plan(Registry registry) {
            this.registry = registry;
        }
    }

    private static final ThreadLocal<Plan> LAST_PLAN = new ThreadLocal<>();

    private static Plan plan(Registry r) {
        Plan p = LAST_PLAN.get();
        if (p == null || p.registry != r) {
            p = new Plan(r);
            LAST_PLAN.set(p);
        }
        return p;
    }

    /** A collector of a unit's flow samples that also hands their roll-up copies to {@code rolledUp}. */
    public static Collector<FlowSample> flowAndRollups(Collector<FlowSample> out, Registry r,
                                                       Consumer<FlowSample> rolledUp) {
        return new Collector<>() {
            @Override
            public void collect(FlowSample s) {
                out.collect(s);
                r.section(s.sectionId()).ifPresent(sec -> flow(r, sec, s).forEach(rolledUp));
            }

            @Override
            public void close() {
                out.close();
            }
        };
    }

    /** A consumer of a unit's quality samples that also hands their roll-up copies to {@code rolledUp}. */
    public static Consumer<QualitySample> qualityAndRollups(Consumer<QualitySample> out, Registry r,
                                                            Consumer<QualitySample> rolledUp) {
        return s -> {
            out.accept(s);
            r.section(s.sectionId()).ifPresent(sec -> quality(r, sec, s).forEach(rolledUp));
        };
    }

    /** A consumer of a grid cell's air samples that also hands their roll-up copies to it. */
    public static Consumer<AirSample> airAndRollups(Consumer<AirSample> out, Registry r) {
        return s -> {
            out.accept(s);
            r.gridCell(s.unitId()).ifPresent(cell -> air(r, cell.unit(), s).forEach(out));
        };
    }

    /** A consumer of a grid cell's soil samples that also hands their roll-up copies to it. */
    public static Consumer<SoilSample> soilAndRollups(Consumer<SoilSample> out, Registry r) {
        return s -> {
            out.accept(s);
            r.gridCell(s.unitId()).ifPresent(cell -> soil(r, cell.unit(), s).forEach(out));
        };
    }

    /** A consumer of a grid cell's weather samples that also hands their roll-up copies to it. */
    public static Consumer<WeatherSample> weatherAndRollups(Consumer<WeatherSample> out, Registry r) {
        return s -> {
            out.accept(s);
            r.gridCell(s.unitId()).ifPresent(cell -> weather(r, cell.unit(), s).forEach(out));
        };
    }

    /** Upstream unit inside {@code unitId}, downstream unit outside it (or none). */
    static boolean isOutletOf(Registry r, Section section, String unitId) {
        return r.isWithin(section.upstreamUnit(), unitId)
                && (section.downstreamUnit() == null || !r.isWithin(section.downstreamUnit(), unitId));
    }

    /** Sections of the basin with a flow station and no section with a flow station downstream of them. */
    static List<Section> basinFlowOutlets(Registry r, String basinId) {
        List<Section> inBasin = r.sections().stream().filter(x -> basinId.equals(x.basin())).toList();
        return inBasin.stream().filter(x -> x.flowStation() != null)
                .filter(x -> downstreamOf(inBasin, x).stream().noneMatch(d -> d.flowStation() != null)).toList();
    }

    /** Sections reached by following the water from {@code from}'s downstream unit. */
    private static Set<Section> downstreamOf(Collection<Section> sections, Section from) {
        Set<Section> seen = new HashSet<>();
        Deque<String> units = new ArrayDeque<>();
        if (from.downstreamUnit() != null) {
            units.add(from.downstreamUnit());
        }
        Set<String> visited = new HashSet<>();
        while (!units.isEmpty()) {
            String u = units.poll();
            if (!visited.add(u)) {
                continue;
            }
            for (Section x : sections) {
                if (u.equals(x.upstreamUnit()) && !x.equals(from) && seen.add(x) && x.downstreamUnit() != null) {
                    units.add(x.downstreamUnit());
                }
            }
        }
        return seen;
    }

    private static double expected(Registry r, List<String> stationIds) {
        return stationIds.stream().filter(Objects::nonNull).distinct().map(r::station)
                .flatMap(java.util.Optional::stream)
                .mapToDouble(st -> SECONDS_PER_DAY / st.reportingIntervalSeconds()).sum();
    }

}
