package org.ecovalue.jobs.inventory;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.ecovalue.schemas.registry.UnitKind;

/**
 * One unit's water balance on one day so far: the {@link DayConservation} of each of its grid cells that
 * has weather data (a grid cell is a unit with one cell). Water conserved adds up over cells —
 * Σ A_i (P_i − R_i − ET_i) (REFERENCE.md §5.2) — each cell with its own area, runoff coefficient and
 * weather, so a county's figure is the sum of its cells', not the balance of pooled weather.
 *
 * @param cellIds        the cells, in the order of {@code cells}
 * @param expectedPerDay observations a full day brings from all weather stations of the unit's cells
 * @param revision       0 while open, 1 for the first FINAL, +1 per late change after it
 * @param lastLiveMs     event time of the latest LIVE figure, {@code Long.MIN_VALUE} if none
 */
public record UnitConservation(String unitName, UnitKind unitKind, int dayOfYear, String[] cellIds,
                               DayConservation[] cells, double expectedPerDay, int revision, long lastLiveMs)
        implements PeriodFigures<UnitConservation, WeatherSample> {

    public UnitConservation {
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(unitKind, "unitKind");
        Objects.requireNonNull(cellIds, "cellIds");
        Objects.requireNonNull(cells, "cells");
        if (cellIds.length != cells.length) {
            throw new IllegalArgumentException("one figure per cell");
        }
    }

    public static UnitConservation empty(WeatherSample s, int dayOfYear) {
        return new UnitConservation(s.unitName(), s.unitKind(), dayOfYear, new String[0], new DayConservation[0],
                s.expectedPerDay(), 0, Long.MIN_VALUE);
    }

    @Override
    public UnitConservation plus(WeatherSample s) {
        int i = Arrays.asList(cellIds).indexOf(s.cellId());
        String[] ids = cellIds;
        DayConservation[] figures = cells.clone();
        if (i < 0) {
            ids = Arrays.copyOf(cellIds, cellIds.length + 1);
            ids[cellIds.length] = s.cellId();
            figures = Arrays.copyOf(cells, cells.length + 1);
            figures[cells.length] = DayConservation.empty(s, dayOfYear);
            i = cells.length;
        }
        figures[i] = figures[i].plus(s);
        return new UnitConservation(s.unitName(), s.unitKind(), dayOfYear, ids, figures, s.expectedPerDay(), revision,
                lastLiveMs);
    }

    @Override
    public UnitConservation finalised() {
        return new UnitConservation(unitName, unitKind, dayOfYear, cellIds, cells, expectedPerDay, revision + 1,
                lastLiveMs);
    }

    @Override
    public UnitConservation liveAt(long tsMillis) {
        return new UnitConservation(unitName, unitKind, dayOfYear, cellIds, cells, expectedPerDay, revision, tsMillis);
    }

    @Override
    public int validReadings() {
        return Arrays.stream(cells).mapToInt(DayConservation::validReadings).sum();
    }

    /** Σ of the cells' water conserved, m³, over the cells whose balance is complete; empty if none is. */
    public OptionalDouble conservedM3() {
        double sum = 0;
        boolean any = false;
        for (DayConservation c : cells) {
            OptionalDouble m3 = c.conservedM3();
            if (m3.isPresent()) {
                sum += m3.getAsDouble();
                any = true;
            }
        }
        return any ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    /** The water_conservation price of the first cell that has one (one registry, one price per day). */
    public DayConservation priced() {
        return Arrays.stream(cells).filter(c -> c.priceRef() != null).findFirst().orElse(null);
    }

    public TreeSet<String> stationSet() {
        TreeSet<String> ids = new TreeSet<>();
        for (DayConservation c : cells) {
            ids.addAll(Stations.parse(c.stations()));
        }
        return ids;
    }
}
