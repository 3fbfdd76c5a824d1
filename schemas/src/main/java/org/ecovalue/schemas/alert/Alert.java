package org.ecovalue.schemas.alert;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.ecovalue.schemas.observation.Parameter;
import org.ecovalue.schemas.registry.FieldCheck;
import org.ecovalue.schemas.registry.InvalidFieldException;

/**
 * An alert episode on {@code eco.alerts}: opened at {@code startedAt}, still open while
 * {@code endedAt} is absent, closed by a record with the same start and an end. Instants are epoch
 * milliseconds. An exceedance carries the parameter, the value that opened it (or the worst so far)
 * and the limit it broke; a data gap has neither value nor limit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Alert(
        AlertType type,
        String stationId,
        String sectionId,
        String param,
        Double value,
        Double limit,
        long startedAt,
        Long endedAt,
        Severity severity) {

    public Alert {
        FieldCheck.present(type, "type");
        FieldCheck.optionalId(stationId, "stationId");
        FieldCheck.optionalId(sectionId, "sectionId");
        if (stationId == null && sectionId == null) {
            throw new InvalidFieldException("stationId", "an alert is about a station or a section; both are absent");
        }
        if (param != null && Parameter.fromCode(param).isEmpty()) {
            throw new InvalidFieldException("param", "unknown parameter code '" + param + "'");
        }
        if (value != null) {
            FieldCheck.finite(value, "value");
        }
        if (limit != null) {
            FieldCheck.finite(limit, "limit");
        }
        if (type == AlertType.EXCEEDANCE) {
            FieldCheck.present(param, "param");
            FieldCheck.present(value, "value");
            FieldCheck.present(limit, "limit");
        }
        FieldCheck.nonNegative(startedAt, "startedAt");
        if (endedAt != null && endedAt < startedAt) {
            throw new InvalidFieldException("endedAt", endedAt + " is before startedAt " + startedAt);
        }
        FieldCheck.present(severity, "severity");
    }

    @JsonIgnore
    public boolean isOpen() {
        return endedAt == null;
    }

    /** The same episode, closed at {@code endedAtMs}. */
    public Alert endedAt(long endedAtMs) {
        return new Alert(type, stationId, sectionId, param, value, limit, startedAt, endedAtMs, severity);
    }

    /** The Kafka key on {@code eco.alerts}: the section when there is one, else the station. */
    public String key() {
        return sectionId != null ? sectionId : stationId;
    }
}
