package org.ecovalue.schemas.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A cross-boundary section (跨界断面) sits where a river leaves one jurisdiction for another and is
 * what compensation agreements settle on; a control section (控制断面) tracks the quality inside one.
 */
public enum SectionRole {
    CROSS_BOUNDARY("cross-boundary"),
    CONTROL("control");

    private final String code;

    SectionRole(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static SectionRole ofCode(String code) {
        for (SectionRole r : values()) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown section role '" + code + "' ("
                + Arrays.stream(values()).map(SectionRole::code).collect(Collectors.joining("|")) + ")");
    }
}
