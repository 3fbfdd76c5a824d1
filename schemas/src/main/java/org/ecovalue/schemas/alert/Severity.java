package org.ecovalue.schemas.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How urgent an alert is, mildest first. */
public enum Severity {
    INFO("info"),
    WARNING("warning"),
    CRITICAL("critical");

    private final String code;

    Severity(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Severity ofCode(String code) {
        for (Severity s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + code + "' (info|warning|critical)");
    }
}
