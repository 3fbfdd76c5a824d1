package org.ecovalue.dashboard.web;

import java.util.List;
import org.ecovalue.schemas.registry.Registry;

/**
 * What the pages need of the registry to draw the basin: basins, units (names, hierarchy),
 * sections (river order, jurisdictions), agreements, stations' sections. Prices and schemes'
 * parameters stay on the server.
 */
record RegistryView(List<Object> basins, List<Object> units, List<Object> sections, List<Object> stations,
                    List<Object> gridCells) {

    static RegistryView of(Registry r) {
        return new RegistryView(List.copyOf(r.basins()), List.copyOf(r.units()), List.copyOf(r.sections()),
                List.copyOf(r.stations()), List.copyOf(r.gridCells()));
    }
}
