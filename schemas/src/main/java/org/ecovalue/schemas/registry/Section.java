package org.ecovalue.schemas.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.ecovalue.schemas.standards.water.WaterBody;
import org.ecovalue.schemas.standards.water.WaterClass;

/**
 * A monitoring section (断面) of a river or lake. A cross-boundary section lies between an upstream
 * and a downstream unit and needs a flow station: flux compensation multiplies concentrations by the
 * volume that crossed (REFERENCE.md §4.2). A control section watches one unit; its downstream unit
 * and flow station are optional. The target class is a GB 3838 class I–V (劣V is no target).
 * {@code waterbody} decides the TP limits used (GB 3838-2002 Table 1).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Section(
        String id,
        String name,
        String river,
        String basin,
        SectionRole role,
        String upstreamUnit,
        String downstreamUnit,
        @JsonSerialize(using = StandardsJson.WaterClassLabelSerializer.class)
        @JsonDeserialize(using = StandardsJson.WaterClassLabelDeserializer.class)
        WaterClass targetClass,
        @JsonSerialize(using = StandardsJson.WaterBodySerializer.class)
        @JsonDeserialize(using = StandardsJson.WaterBodyDeserializer.class)
        WaterBody waterbody,
        String qualityStation,
        String flowStation) implements RegistryItem {

    public Section {
        FieldCheck.id(id, "id");
        FieldCheck.text(name, "name");
        FieldCheck.text(river, "river");
        FieldCheck.id(basin, "basin");
        FieldCheck.present(role, "role");
        FieldCheck.text(upstreamUnit, "upstreamUnit");
        FieldCheck.present(targetClass, "targetClass");
        if (targetClass == WaterClass.WORSE_THAN_V) {
            throw new InvalidFieldException("targetClass", "a target class is I, II, III, IV or V, not 劣V");
        }
        waterbody = waterbody == null ? WaterBody.RIVER : waterbody;
        FieldCheck.id(qualityStation, "qualityStation");
        FieldCheck.optionalId(flowStation, "flowStation");
        if (role == SectionRole.CROSS_BOUNDARY) {
            FieldCheck.text(downstreamUnit, "downstreamUnit");
            if (upstreamUnit.equals(downstreamUnit)) {
                throw new InvalidFieldException("downstreamUnit", "a cross-boundary section lies between two units; both are "
                        + upstreamUnit);
            }
            if (flowStation == null) {
                throw new InvalidFieldException("flowStation", "a cross-boundary section needs a flow station "
                        + "(flux and load figures multiply by the volume that crossed it)");
            }
        }
    }

    @Override
    public RegistryKind registryKind() {
        return RegistryKind.SECTION;
    }
}
