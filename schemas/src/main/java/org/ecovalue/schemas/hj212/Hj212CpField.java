package org.ecovalue.schemas.hj212;

import java.util.Objects;

/**
 * One {@code key=value} of the CP field, in the order sent. Keys of per-factor fields are
 * {@code factor-Suffix} ({@code w01018-Rtd}); others stand alone ({@code DataTime}, {@code QnRtn}).
 */
public record Hj212CpField(String key, String value) {

    public Hj212CpField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("empty CP key");
        }
    }
}
