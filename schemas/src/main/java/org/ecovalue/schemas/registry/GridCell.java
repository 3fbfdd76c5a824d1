package org.ecovalue.schemas.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A cell of the monitoring grid: it lies in one administrative unit and has one dominant land cover.
 *
 * @param rightsHolder      who holds the rights to the cell's ecological products (a collective, a
 *                          forest farm, a contractor), optional: else its unit's
 * @param runoffCoefficient α of the water-conservation balance R = α·P (REFERENCE.md §5.2) measured or
 *                          set for this cell, 0..1, optional: else the default of its land cover
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GridCell(
        String id,
        String unit,
        @JsonProperty(required = true) double areaKm2,
        LandCover landCover,
        String rightsHolder,
        Double runoffCoefficient) implements RegistryItem {

    public GridCell {
        FieldCheck.id(id, "id");
        FieldCheck.text(unit, "unit");
        FieldCheck.positive(areaKm2, "areaKm2");
        FieldCheck.present(landCover, "landCover");
        if (rightsHolder != null) {
            FieldCheck.text(rightsHolder, "rightsHolder");
        }
        if (runoffCoefficient != null) {
            FieldCheck.between(runoffCoefficient, 0, 1, "runoffCoefficient");
        }
    }

    /** A cell with its unit's rights holder and its land cover's runoff coefficient. */
    public GridCell(String id, String unit, double areaKm2, LandCover landCover) {
        this(id, unit, areaKm2, landCover, null, null);
    }

    @Override
    public RegistryKind registryKind() {
        return RegistryKind.GRID_CELL;
    }
}
