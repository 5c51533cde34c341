package io.odradek.api.security;

import java.util.Map;
import java.util.Objects;

/**
 * An OAuth 2 bearer token for SASL/OAUTHBEARER (RFC 7628, KIP-255): the compact JWT the broker validates, the
 * principal it names and when it expires. {@link #toString()} never shows the token itself.
 *
 * @param value        the token, as sent to the broker after {@code auth=Bearer }
 * @param principal    the principal the token names (for logs and errors)
 * @param expiresAtMs  epoch milliseconds at which the token expires; the broker ends the session then
 * @param extensions   SASL extensions sent with the token (KIP-342), usually empty
 */
public record OAuthBearerToken(String value, String principal, long expiresAtMs, Map<String, String> extensions) {

    public OAuthBearerToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(principal, "principal");
        extensions = Map.copyOf(extensions);
        if (extensions.containsKey("auth")) {
            throw new IllegalArgumentException("'auth' is reserved and cannot be a SASL extension");
        }
    }

    public OAuthBearerToken(String value, String principal, long expiresAtMs) {
        this(value, principal, expiresAtMs, Map.of());
    }

    @Override
    public String toString() {
        return "OAuthBearerToken(principal=" + principal + ", expiresAtMs=" + expiresAtMs + ", value=[hidden])";
    }
}
