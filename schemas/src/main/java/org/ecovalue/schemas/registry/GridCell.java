package org.ecovalue.schemas.registry;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A cell of the monitoring grid: it lies in one administrative unit and has one dominant land cover. */
public record GridCell(
        String id,
        String unit,
        @JsonProperty(required = true) double areaKm2,
        LandCover landCover) implements RegistryItem {

    public GridCell {
        FieldCheck.id(id, "id");
        FieldCheck.text(unit, "unit");
        FieldCheck.positive(areaKm2, "areaKm2");
        FieldCheck.present(landCover, "landCover");
    }

    @Override
    public RegistryKind registryKind() {
        return RegistryKind.GRID_CELL;
    }
}
