package org.ecovalue.jobs.inventory;

import org.ecovalue.schemas.registry.GridCell;
import org.ecovalue.schemas.registry.LandCover;

/**
 * Runoff coefficient α of a grid cell for R = α·P in the water-conservation balance (REFERENCE.md §5.2,
 * Ouyang et al. 2013): the cell's own {@code runoffCoefficient} from the registry when it has one (a
 * region's measured or published coefficients belong there), else the default of its land cover.
 * REFERENCE.md gives the formula but no table: the defaults are coarse values of the order the GEP
 * literature reports (forest a few per cent, grassland about ten, sealed surfaces most of the rain) and
 * should be replaced in the registry by the region's own before figures are published.
 */
public final class RunoffCoefficients {

    private RunoffCoefficients() {
    }

    /** The registry's coefficient of the cell, else its land cover's default. */
    public static double of(GridCell cell) {
        return cell.runoffCoefficient() != null ? cell.runoffCoefficient() : defaultOf(cell.landCover());
    }

    public static double defaultOf(LandCover cover) {
        return switch (cover) {
            case FOREST -> 0.03;
            case SHRUBLAND -> 0.04;
            case GRASSLAND -> 0.09;
            case WETLAND, WATER -> 0.0;
            case CROPLAND -> 0.20;
            case URBAN -> 0.60;
            case BARE -> 0.30;
        };
    }
}
