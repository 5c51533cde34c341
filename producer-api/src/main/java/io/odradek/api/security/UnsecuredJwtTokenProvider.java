package io.odradek.api.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Unsecured JWTs ({@code "alg":"none"}, RFC 7515 appendix A.5) naming a fixed subject: what Kafka's
 * {@code OAuthBearerUnsecuredLoginCallbackHandler} makes for development brokers that accept unsecured tokens
 * (Kafka's default OAUTHBEARER validator). Never use it against a broker that matters: anyone can mint these.
 */
public final class UnsecuredJwtTokenProvider implements OAuthBearerTokenProvider {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = BASE64URL.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));

    private final String subject;
    private final long lifetimeMs;
    private final Map<String, String> extensions;

    /**
     * @param subject    the {@code sub} claim: the principal the broker will see
     * @param lifetimeMs how long each token is valid
     */
    public UnsecuredJwtTokenProvider(String subject, long lifetimeMs, Map<String, String> extensions) {
        this.subject = Objects.requireNonNull(subject, "subject");
        if (lifetimeMs <= 0) {
            throw new IllegalArgumentException("lifetimeMs must be positive: " + lifetimeMs);
        }
        this.lifetimeMs = lifetimeMs;
        this.extensions = Map.copyOf(extensions);
    }

    @Override
    public OAuthBearerToken token() {
        long nowMs = System.currentTimeMillis();
        long expiresAtMs = nowMs + lifetimeMs;
        // Kafka's validator reads iat and exp as seconds (NumericDate) and needs sub for the principal.
        String claims = "{\"sub\":\"" + jsonEscape(subject) + "\",\"iat\":" + nowMs / 1000.0 + ",\"exp\":"
                + expiresAtMs / 1000.0 + "}";
        String jwt = HEADER + "." + BASE64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
        return new OAuthBearerToken(jwt, subject, expiresAtMs, extensions);
    }

    private static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "UnsecuredJwtTokenProvider(sub=" + subject + ")";
    }
}
