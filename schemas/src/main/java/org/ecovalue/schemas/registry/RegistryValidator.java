package org.ecovalue.schemas.registry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ecovalue.schemas.registry.scheme.CompensationScheme;
import org.ecovalue.schemas.registry.scheme.ServiceValueShareScheme;

/**
 * The checks across items that no single record can make: every reference resolves to an item of
 * the right kind, the stations of a section are what the section needs, the parties of an agreement
 * are the units the section lies between (or units that contain them). Each record has already
 * checked its own fields in its constructor.
 */
public final class RegistryValidator {

    private final Registry registry;
    private final Set<String> unreadableKeys;
    private final List<RegistryProblem> problems = new ArrayList<>();

    private RegistryValidator(Registry registry, Set<String> unreadableKeys) {
        this.registry = registry;
        this.unreadableKeys = unreadableKeys;
    }

    /** Every cross-item problem of the registry, in kind order. Empty when it is consistent. */
    public static List<RegistryProblem> check(Registry registry) {
        return check(registry, Set.of());
    }

    /**
     * As {@link #check(Registry)}, where {@code unreadableKeys} are items that exist but could not
     * be read (their problem is already reported): references to them are not reported again.
     */
    public static List<RegistryProblem> check(Registry registry, Set<String> unreadableKeys) {
        RegistryValidator v = new RegistryValidator(registry, unreadableKeys);
        registry.units().forEach(v::unit);
        registry.gridCells().forEach(v::gridCell);
        registry.stations().forEach(v::station);
        v.sections();
        registry.agreements().forEach(v::agreement);
        return List.copyOf(v.problems);
    }

    private void problem(RegistryItem item, String field, String message) {
        problems.add(RegistryProblem.of(item.key(), field, message));
    }

    /** True when the reference resolves (or points at an unreadable item); otherwise reports it. */
    private boolean resolves(RegistryItem item, String field, RegistryKind kind, String id, String what) {
        if (registry.contains(kind, id) || unreadableKeys.contains(kind.key(id))) {
            return true;
        }
        problem(item, field, "unknown " + what + " '" + id + "'");
        return false;
    }

    private void unit(AdministrativeUnit u) {
        if (u.parent() == null || !resolves(u, "parent", RegistryKind.UNIT, u.parent(), "unit")) {
            return;
        }
        registry.unit(u.parent()).ifPresent(parent -> {
            if (parent.kind().compareTo(u.kind()) <= 0) {
                problem(u, "parent", "'" + parent.id() + "' is a " + parent.kind().code() + "; the parent of a "
                        + u.kind().code() + " is a larger unit");
            }
        });
    }

    private void gridCell(GridCell c) {
        resolves(c, "unit", RegistryKind.UNIT, c.unit(), "unit");
    }

    private void station(Station s) {
        if (s.gridCell() != null) {
            resolves(s, "gridCell", RegistryKind.GRID_CELL, s.gridCell(), "grid cell");
        }
        if (s.section() != null) {
            resolves(s, "section", RegistryKind.SECTION, s.section(), "section");
        }
    }

    private void sections() {
        Map<String, Section> stationUsers = new HashMap<>();
        for (Section s : registry.sections()) {
            resolves(s, "basin", RegistryKind.BASIN, s.basin(), "basin");
            resolves(s, "upstreamUnit", RegistryKind.UNIT, s.upstreamUnit(), "unit");
            if (s.downstreamUnit() != null) {
                resolves(s, "downstreamUnit", RegistryKind.UNIT, s.downstreamUnit(), "unit");
            }
            sectionStation(s, "qualityStation", s.qualityStation(), StationKind.WATER, stationUsers);
            if (s.flowStation() != null) {
                sectionStation(s, "flowStation", s.flowStation(), StationKind.FLOW, stationUsers);
            }
        }
    }

    private void sectionStation(Section s, String field, String stationId, StationKind kind,
            Map<String, Section> stationUsers) {
        if (!resolves(s, field, RegistryKind.STATION, stationId, "station")) {
            return;
        }
        Section other = stationUsers.putIfAbsent(stationId, s);
        if (other != null) {
            problem(s, field, "station '" + stationId + "' already serves section '" + other.id() + "'");
        }
        registry.station(stationId).ifPresent(st -> {
            if (st.kind() != kind) {
                problem(s, field, "station '" + stationId + "' is a " + st.kind().code() + " station, not a "
                        + kind.code() + " station");
            }
            if (st.section() != null && !st.section().equals(s.id())) {
                problem(s, field, "station '" + stationId + "' says it belongs to section '" + st.section() + "'");
            }
        });
    }

    private void agreement(Agreement a) {
        CompensationScheme scheme = a.scheme();
        Optional<Section> section = Optional.empty();
        if (a.section() != null && resolves(a, "section", RegistryKind.SECTION, a.section(), "section")) {
            section = registry.section(a.section());
        }
        boolean upstreamKnown = resolves(a, "upstreamParty", RegistryKind.UNIT, a.upstreamParty(), "unit");
        boolean downstreamKnown = resolves(a, "downstreamParty", RegistryKind.UNIT, a.downstreamParty(), "unit");
        section.ifPresent(s -> {
            if (scheme.needsFlow() && s.flowStation() == null) {
                problem(a, "section", "section '" + s.id() + "' has no flow station; a " + scheme.schemeName()
                        + " agreement needs the volume that crossed it");
            }
            if (upstreamKnown && registry.contains(RegistryKind.UNIT, s.upstreamUnit())
                    && !registry.isWithin(s.upstreamUnit(), a.upstreamParty())) {
                problem(a, "upstreamParty", "'" + a.upstreamParty() + "' is neither the upstream unit of section '"
                        + s.id() + "' (" + s.upstreamUnit() + ") nor a unit that contains it");
            }
            if (downstreamKnown && s.downstreamUnit() != null && registry.contains(RegistryKind.UNIT, s.downstreamUnit())
                    && !registry.isWithin(s.downstreamUnit(), a.downstreamParty())) {
                problem(a, "downstreamParty", "'" + a.downstreamParty() + "' is neither the downstream unit of section '"
                        + s.id() + "' (" + s.downstreamUnit() + ") nor a unit that contains it");
            }
        });
        for (Map.Entry<String, BigDecimal> share : a.payerShares().entrySet()) {
            // the parties are checked above; the default shares name the downstream party again
            if (!share.getKey().equals(a.upstreamParty()) && !share.getKey().equals(a.downstreamParty())) {
                resolves(a, "payerShares." + share.getKey(), RegistryKind.UNIT, share.getKey(), "unit");
            }
        }
        if (scheme instanceof ServiceValueShareScheme svs
                && resolves(a, "scheme.priceTable", RegistryKind.PRICE_TABLE, svs.priceTable(), "price table")) {
            registry.priceTable(svs.priceTable()).ifPresent(t -> svs.products().forEach(p -> {
                if (t.items().stream().noneMatch(i -> i.product() == p)) {
                    problem(a, "scheme.products", "price table '" + t.id() + "' has no price for " + p.code());
                }
            }));
        }
    }
}
