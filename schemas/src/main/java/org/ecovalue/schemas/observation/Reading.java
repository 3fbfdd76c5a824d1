package org.ecovalue.schemas.observation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One measured value of one parameter. {@code param} is a canonical code of {@link Parameter};
 * {@code unit} is as sent by the station until ingest converts it to the canonical unit.
 * {@code qc} is set by quality control only ({@code ok} or the reason the reading does not count).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reading(String param, double value, String unit, Flag flag, String qc) {

    public Reading {
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(unit, "unit");
        flag = flag == null ? Flag.N : flag;
    }

    public Reading(String param, double value, String unit, Flag flag) {
        this(param, value, unit, flag, null);
    }

    public Reading(String param, double value, String unit) {
        this(param, value, unit, Flag.N, null);
    }

    public Reading withQc(String verdict) {
        return new Reading(param, value, unit, flag, verdict);
    }

    public Reading withValueAndUnit(double newValue, String newUnit) {
        return new Reading(param, newValue, newUnit, flag, qc);
    }
}
