package io.odradek.domain.protocol;

/**
 * The broker's SASL message, or why authentication failed.
 *
 * @param errorMessage       the broker's explanation when {@code errorCode} is not NONE, or null
 * @param sessionLifetimeMs  from v1 (KIP-368): how long the session may last before the client re-authenticates;
 *                           0 for no limit (and before v1)
 */
public record SaslAuthenticateResponse(short errorCode, String errorMessage, byte[] authBytes, long sessionLifetimeMs)
        implements Response {
    @Override
    public String toString() {
        return "SaslAuthenticateResponse(errorCode=" + errorCode + ", errorMessage=" + errorMessage + ", "
                + authBytes.length + " bytes, sessionLifetimeMs=" + sessionLifetimeMs + ")";
    }

    /** SaslAuthenticate has no throttle time. */
    @Override
    public int throttleTimeMs() {
        return 0;
    }
}
