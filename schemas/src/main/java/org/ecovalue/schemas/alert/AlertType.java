package org.ecovalue.schemas.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What an alert episode is about. */
public enum AlertType {
    /** A parameter above (for DO: below) the limit of the section's target class. */
    EXCEEDANCE("exceedance"),
    /** A station silent for longer than its expected reporting interval allows. */
    DATA_GAP("data-gap"),
    /** A sensor repeating the same value (quality control's stuck check). */
    STUCK_SENSOR("stuck-sensor"),
    /** A period figure whose completeness is below the agreement's minimum. */
    LOW_COMPLETENESS("low-completeness");

    private final String code;

    AlertType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static AlertType ofCode(String code) {
        for (AlertType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown alert type '" + code + "' ("
                + Arrays.stream(values()).map(AlertType::code).collect(Collectors.joining("|")) + ")");
    }
}
