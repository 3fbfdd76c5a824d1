package org.ecovalue.schemas.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A monitoring station. Its id is the HJ 212 {@code MN} (at most 24 characters, HJ 212-2017 §6.2),
 * the same string that appears in its MQTT topic and on {@code eco.observations}.
 * {@code reportingIntervalSeconds} is how often it is expected to report: quality control and the
 * data-gap alert measure gaps against it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Station(
        String id,
        StationKind kind,
        @JsonProperty(required = true) double lat,
        @JsonProperty(required = true) double lon,
        String gridCell,
        String section,
        String operator,
        StationProtocol protocol,
        @JsonProperty(required = true) long reportingIntervalSeconds) implements RegistryItem {

    /** HJ 212-2017 §6.2: MN is at most 24 characters. */
    public static final int MAX_MN_LENGTH = 24;

    public Station {
        FieldCheck.id(id, "id");
        if (id.length() > MAX_MN_LENGTH) {
            throw new InvalidFieldException("id", "'" + id + "' is longer than an HJ 212 MN (" + MAX_MN_LENGTH + ")");
        }
        FieldCheck.present(kind, "kind");
        FieldCheck.between(lat, -90, 90, "lat");
        FieldCheck.between(lon, -180, 180, "lon");
        FieldCheck.optionalId(gridCell, "gridCell");
        FieldCheck.optionalId(section, "section");
        if (gridCell == null && kind.needsGridCell()) {
            throw new InvalidFieldException("gridCell", "an " + kind.code()
                    + " station feeds grid-cell inventories and needs a grid cell");
        }
        FieldCheck.text(operator, "operator");
        FieldCheck.present(protocol, "protocol");
        if (reportingIntervalSeconds <= 0) {
            throw new InvalidFieldException("reportingIntervalSeconds", "must be positive, got " + reportingIntervalSeconds);
        }
    }

    @Override
    public RegistryKind registryKind() {
        return RegistryKind.STATION;
    }
}
