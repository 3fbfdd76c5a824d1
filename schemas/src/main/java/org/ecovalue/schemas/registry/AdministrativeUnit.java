package org.ecovalue.schemas.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.regex.Pattern;

/**
 * A province, city or county with its GB/T 2260 code as id. GB/T 2260 codes are six digits: two for
 * the province, two for the city, two for the county, so a province code ends in 0000, a city code
 * in 00 and a county code does not; the constructor holds the kind to that structure.
 *
 * @param rightsHolder who holds the rights to the unit's ecological products (the inventory's
 *                     {@code rightsHolder}, REFERENCE.md §0), optional: a unit without one inherits its
 *                     parent's; none at all leaves the field out of the inventory record
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdministrativeUnit(String id, String name, UnitKind kind, String parent, String rightsHolder)
        implements RegistryItem {

    private static final Pattern GB_T_2260 = Pattern.compile("[1-9][0-9]{5}");

    public AdministrativeUnit {
        FieldCheck.text(id, "id");
        if (!GB_T_2260.matcher(id).matches()) {
            throw new InvalidFieldException("id", "'" + id + "' is not a GB/T 2260 code (six digits)");
        }
        FieldCheck.text(name, "name");
        FieldCheck.present(kind, "kind");
        if (!kind.isAdministrative()) {
            throw new InvalidFieldException("kind", "an administrative unit is a county, city or province, not "
                    + kind.code());
        }
        boolean provinceCode = id.endsWith("0000");
        boolean cityCode = !provinceCode && id.endsWith("00");
        boolean fits = switch (kind) {
            case PROVINCE -> provinceCode;
            case CITY -> cityCode;
            default -> !provinceCode && !cityCode;
        };
        if (!fits) {
            throw new InvalidFieldException("kind", "code " + id + " is not a " + kind.code()
                    + " code in GB/T 2260 (province dd0000, city dddd00, county: not ending in 00)");
        }
        if (kind == UnitKind.PROVINCE && parent != null) {
            throw new InvalidFieldException("parent", "a province has no parent");
        }
        if (kind != UnitKind.PROVINCE) {
            FieldCheck.text(parent, "parent");
        }
        if (id.equals(parent)) {
            throw new InvalidFieldException("parent", "a unit cannot be its own parent");
        }
        if (rightsHolder != null) {
            FieldCheck.text(rightsHolder, "rightsHolder");
        }
    }

    /** A unit whose rights holder is its parent's (or not recorded). */
    public AdministrativeUnit(String id, String name, UnitKind kind, String parent) {
        this(id, name, kind, parent, null);
    }

    @Override
    public RegistryKind registryKind() {
        return RegistryKind.UNIT;
    }
}
