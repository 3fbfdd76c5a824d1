package org.ecovalue.simulator.scenario;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.ecovalue.schemas.registry.Registry;
import org.ecovalue.schemas.registry.Section;
import org.ecovalue.schemas.registry.Station;

/** A simulated basin: the registry the pipeline reads, and how its stations behave. */
public record Scenario(String name, Registry registry, Simulation simulation) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(simulation, "simulation");
    }

    public Scenario withSimulation(Simulation s) {
        return new Scenario(name, registry, s);
    }

    /** Stations in a stable order (by id), so that a run does not depend on hash order. */
    public List<Station> stations() {
        return registry.stations().stream().sorted(Comparator.comparing(Station::id)).toList();
    }

    /** Sections in file order, which scenarios write upstream first along each river. */
    public List<Section> sections() {
        return List.copyOf(registry.sections());
    }
}
