package org.ecovalue.schemas.registry;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A river basin (流域); sections belong to one and basin-level inventories are kept for it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Basin(String id, String name) implements RegistryItem {

    public Basin {
        FieldCheck.id(id, "id");
        FieldCheck.text(name, "name");
    }

    @Override
    public RegistryKind registryKind() {
        return RegistryKind.BASIN;
    }
}
