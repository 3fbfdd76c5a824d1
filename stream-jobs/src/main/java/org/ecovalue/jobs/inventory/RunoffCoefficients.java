package org.ecovalue.jobs.inventory;

import org.ecovalue.schemas.registry.LandCover;

/**
 * Runoff coefficient α per land cover for R = α·P in the water-conservation balance (REFERENCE.md §5.2,
 * Ouyang et al. 2013). REFERENCE.md gives the formula but no table: these are coarse defaults of the
 * order the GEP literature reports (forest a few per cent, grassland about ten, sealed surfaces most of
 * the rain) and must be replaced by the region's own coefficients before figures are published.
 */
final class RunoffCoefficients {

    private RunoffCoefficients() {
    }

    static double of(LandCover cover) {
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
