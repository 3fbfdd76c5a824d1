package org.ecovalue.ingest.opcua;

import java.net.ConnectException;
import java.nio.file.Path;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/**
 * Why a connection to an OPC UA endpoint failed, as a short reason code (log field and label of
 * {@code ecovalue_ingest_opcua_connect_failures_total}) and a sentence saying what to do about it.
 * Configuration and trust problems are told apart from an unreachable server, because only the
 * latter goes away by waiting.
 */
public final class ConnectFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The server's certificate is not in {@code trusted/certs} (or is invalid: expired, wrong host or URI). */
    public static final String SERVER_CERTIFICATE = "server-certificate-rejected";
    /** The server refused the secure channel: usually our certificate is not in its trust list. */
    public static final String SECURITY_CHECKS = "security-checks-failed";
    /** The server refused the user name / password (or anonymous access). */
    public static final String IDENTITY = "identity-rejected";
    /** The server offers no endpoint with the configured security policy. */
    public static final String NO_ENDPOINT = "no-matching-endpoint";
    /** Nothing answers, or the connection dropped: retried with backoff. */
    public static final String UNREACHABLE = "unreachable";
    public static final String OTHER = "other";

    private final String reason;

    ConnectFailure(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    /**
     * Classifies whatever Milo threw (the UaException is often wrapped in CompletionExceptions).
     *
     * @param refusedByUs what our validator said about the server's certificate, null if it accepted
     *                    it (or never saw it)
     */
    static ConnectFailure of(Throwable thrown, UaException refusedByUs, Path pkiDir) {
        if (refusedByUs != null) {
            return new ConnectFailure(SERVER_CERTIFICATE, refusedByUs.getStatusCode() + ": "
                    + refusedByUs.getMessage() + " — the server's certificate is not trusted (or not valid); if it is"
                    + " the right server, move its certificate from " + pkiDir.resolve("rejected") + " to "
                    + pkiDir.resolve("trusted").resolve("certs"));
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ConnectFailure f) {
                return f;
            }
            if (t instanceof ConnectException) {
                return new ConnectFailure(UNREACHABLE, t.toString());
            }
            if (t instanceof UaException ua) {
                return of(ua.getStatusCode(), ua.getMessage(), pkiDir);
            }
        }
        return new ConnectFailure(OTHER, thrown.toString());
    }

    private static ConnectFailure of(StatusCode status, String message, Path pkiDir) {
        long code = status.getValue() & 0xFFFF0000L;
        String text = status + ": " + message;
        if (code == StatusCodes.Bad_CertificateUntrusted || code == StatusCodes.Bad_CertificateChainIncomplete
                || code == StatusCodes.Bad_CertificateHostNameInvalid || code == StatusCodes.Bad_CertificateUriInvalid
                || code == StatusCodes.Bad_CertificateTimeInvalid || code == StatusCodes.Bad_CertificateInvalid
                || code == StatusCodes.Bad_CertificateRevoked || code == StatusCodes.Bad_CertificateIssuerRevoked
                || code == StatusCodes.Bad_CertificateUseNotAllowed) {
            return new ConnectFailure(SECURITY_CHECKS, text + " — the server refused this client's certificate "
                    + pkiDir.resolve("own").resolve("application.der") + ": trust it on the server");
        }
        if (code == StatusCodes.Bad_SecurityChecksFailed) {
            return new ConnectFailure(SECURITY_CHECKS, text + " — the server refused the secure channel: trust this"
                    + " client's certificate " + pkiDir.resolve("own").resolve("application.der") + " on the server");
        }
        if (code == StatusCodes.Bad_IdentityTokenRejected || code == StatusCodes.Bad_IdentityTokenInvalid
                || code == StatusCodes.Bad_UserAccessDenied) {
            return new ConnectFailure(IDENTITY, text + " — check the user name and password of this endpoint");
        }
        if (code == StatusCodes.Bad_ConnectionRejected || code == StatusCodes.Bad_ConnectionClosed
                || code == StatusCodes.Bad_Timeout || code == StatusCodes.Bad_ServerNotConnected
                || code == StatusCodes.Bad_CommunicationError) {
            return new ConnectFailure(UNREACHABLE, text);
        }
        return new ConnectFailure(OTHER, text);
    }
}
