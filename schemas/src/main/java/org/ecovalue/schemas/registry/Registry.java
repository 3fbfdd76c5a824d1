package org.ecovalue.schemas.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry of one deployment: every item by kind and id, with the lookups the pipeline needs.
 * Immutable. It is built from items in any order and does not check references (a consumer of
 * the compacted {@code eco.registry} topic can see a station before its grid cell);
 * {@link RegistryValidator} does, and {@link RegistryLoader} refuses a file that fails it.
 */
public final class Registry {

    private static final Registry EMPTY = new Registry(new EnumMap<>(RegistryKind.class));

    private final Map<RegistryKind, Map<String, RegistryItem>> byKind;

    private Registry(Map<RegistryKind, Map<String, RegistryItem>> byKind) {
        EnumMap<RegistryKind, Map<String, RegistryItem>> copy = new EnumMap<>(RegistryKind.class);
        for (RegistryKind k : RegistryKind.values()) {
            copy.put(k, Collections.unmodifiableMap(new TreeMap<>(byKind.getOrDefault(k, Map.of()))));
        }
        this.byKind = Collections.unmodifiableMap(copy);
    }

    public static Registry empty() {
        return EMPTY;
    }

    /** A registry of these items; two items with the same key are an {@link IllegalArgumentException}. */
    public static Registry of(Collection<? extends RegistryItem> items) {
        Map<RegistryKind, Map<String, RegistryItem>> m = new EnumMap<>(RegistryKind.class);
        for (RegistryItem item : items) {
            RegistryItem before = m.computeIfAbsent(item.registryKind(), k -> new TreeMap<>()).put(item.id(), item);
            if (before != null) {
                throw new IllegalArgumentException("two registry items with key " + item.key());
            }
        }
        return new Registry(m);
    }

    /** This registry with {@code item} added or replacing the item with the same key. */
    public Registry with(RegistryItem item) {
        Map<RegistryKind, Map<String, RegistryItem>> m = mutableCopy();
        m.get(item.registryKind()).put(item.id(), item);
        return new Registry(m);
    }

    /** This registry without the item of {@code key} ({@code {kind}/{id}}), as a tombstone on eco.registry does. */
    public Registry without(String key) {
        RegistryKey k = RegistryKey.parse(key);
        Map<RegistryKind, Map<String, RegistryItem>> m = mutableCopy();
        m.get(k.kind()).remove(k.id());
        return new Registry(m);
    }

    private Map<RegistryKind, Map<String, RegistryItem>> mutableCopy() {
        Map<RegistryKind, Map<String, RegistryItem>> m = new EnumMap<>(RegistryKind.class);
        byKind.forEach((k, v) -> m.put(k, new TreeMap<>(v)));
        return m;
    }

    /** Every item, in {@link RegistryKind} order and by id within a kind: the order to publish them in. */
    public List<RegistryItem> items() {
        List<RegistryItem> all = new ArrayList<>();
        byKind.values().forEach(m -> all.addAll(m.values()));
        return all;
    }

    public Optional<RegistryItem> item(String key) {
        RegistryKey k = RegistryKey.parse(key);
        return Optional.ofNullable(byKind.get(k.kind()).get(k.id()));
    }

    public boolean contains(RegistryKind kind, String id) {
        return id != null && byKind.get(kind).containsKey(id);
    }

    private <T extends RegistryItem> Optional<T> find(RegistryKind kind, Class<T> type, String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(type.cast(byKind.get(kind).get(id)));
    }

    @SuppressWarnings("unchecked")
    private <T extends RegistryItem> Collection<T> all(RegistryKind kind) {
        return (Collection<T>) byKind.get(kind).values();
    }

    public Optional<Basin> basin(String id) {
        return find(RegistryKind.BASIN, Basin.class, id);
    }

    public Optional<AdministrativeUnit> unit(String id) {
        return find(RegistryKind.UNIT, AdministrativeUnit.class, id);
    }

    public Optional<GridCell> gridCell(String id) {
        return find(RegistryKind.GRID_CELL, GridCell.class, id);
    }

    public Optional<Station> station(String id) {
        return find(RegistryKind.STATION, Station.class, id);
    }

    public Optional<Section> section(String id) {
        return find(RegistryKind.SECTION, Section.class, id);
    }

    public Optional<PriceTable> priceTable(String id) {
        return find(RegistryKind.PRICE_TABLE, PriceTable.class, id);
    }

    public Optional<Agreement> agreement(String id) {
        return find(RegistryKind.AGREEMENT, Agreement.class, id);
    }

    public Collection<Basin> basins() {
        return all(RegistryKind.BASIN);
    }

    public Collection<AdministrativeUnit> units() {
        return all(RegistryKind.UNIT);
    }

    public Collection<GridCell> gridCells() {
        return all(RegistryKind.GRID_CELL);
    }

    public Collection<Station> stations() {
        return all(RegistryKind.STATION);
    }

    public Collection<Section> sections() {
        return all(RegistryKind.SECTION);
    }

    public Collection<PriceTable> priceTables() {
        return all(RegistryKind.PRICE_TABLE);
    }

    public Collection<Agreement> agreements() {
        return all(RegistryKind.AGREEMENT);
    }

    /** Agreements that settle on a section. */
    public List<Agreement> agreementsOnSection(String sectionId) {
        return agreements().stream().filter(a -> sectionId.equals(a.section())).toList();
    }

    /** Stations located in a grid cell. */
    public List<Station> stationsInCell(String gridCellId) {
        return stations().stream().filter(s -> gridCellId.equals(s.gridCell())).toList();
    }

    /** Grid cells of an administrative unit. */
    public List<GridCell> gridCellsOf(String unitId) {
        return gridCells().stream().filter(c -> unitId.equals(c.unit())).toList();
    }

    /** The section whose quality or flow station this is. */
    public Optional<Section> sectionOfStation(String stationId) {
        return sections().stream()
                .filter(s -> stationId.equals(s.qualityStation()) || stationId.equals(s.flowStation()))
                .findFirst();
    }

    /** Parent, grandparent … of a unit, nearest first; stops at a missing parent. */
    public List<AdministrativeUnit> ancestorsOf(String unitId) {
        List<AdministrativeUnit> chain = new ArrayList<>();
        Optional<AdministrativeUnit> u = unit(unitId).flatMap(x -> unit(x.parent()));
        // the kind order (county < city < province) makes a cycle impossible among valid units;
        // the bound only protects a caller that holds an unvalidated registry
        while (u.isPresent() && chain.size() < byKind.get(RegistryKind.UNIT).size()) {
            chain.add(u.get());
            u = unit(u.get().parent());
        }
        return chain;
    }

    /**
     * The rights holder of a grid cell's or unit's ecological products: its own, else that of the
     * nearest unit above it that names one (a cell's unit, then the unit's parent …); empty when none does
     * (and for a basin, which the registry gives no rights holder).
     */
    public Optional<String> rightsHolderOf(String unitOrCellId) {
        Optional<GridCell> cell = gridCell(unitOrCellId);
        if (cell.isPresent()) {
            return cell.get().rightsHolder() != null ? Optional.of(cell.get().rightsHolder())
                    : rightsHolderOf(cell.get().unit());
        }
        Optional<AdministrativeUnit> unit = unit(unitOrCellId);
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        List<AdministrativeUnit> chain = new ArrayList<>();
        chain.add(unit.get());
        chain.addAll(ancestorsOf(unitOrCellId));
        return chain.stream().map(AdministrativeUnit::rightsHolder).filter(java.util.Objects::nonNull).findFirst();
    }

    /** Whether {@code unitId} is {@code candidate} or lies inside it. */
    public boolean isWithin(String unitId, String candidate) {
        return unitId.equals(candidate) || ancestorsOf(unitId).stream().anyMatch(a -> a.id().equals(candidate));
    }

    public int size() {
        return byKind.values().stream().mapToInt(Map::size).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Registry r && byKind.equals(r.byKind);
    }

    @Override
    public int hashCode() {
        return byKind.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Registry[");
        byKind.forEach((k, v) -> b.append(k.code()).append('=').append(v.size()).append(' '));
        return b.toString().trim() + "]";
    }
}
