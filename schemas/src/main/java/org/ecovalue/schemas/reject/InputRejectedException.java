package org.ecovalue.schemas.reject;

import java.util.Objects;

/**
 * Thrown by every decoder and validator in {@code schemas} when an input cannot be accepted.
 * It is an expected outcome, not a bug: callers log it without a stack trace and route the input
 * to the DLQ (ingest) or report it (CLI). The decoders guarantee that no other exception escapes.
 */
public final class InputRejectedException extends Exception {

    private final RejectReason reason;
    private final String detail;

    public InputRejectedException(RejectReason reason, String detail) {
        super(reason.code() + ": " + detail, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    public RejectReason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }
}
