package io.odradek.api.security;

import java.util.Objects;

/**
 * The SASL half of the configuration: the mechanism and what it authenticates with, read from
 * {@code sasl.mechanism} and {@code sasl.jaas.config} or set with the builder's typed methods.
 * {@link #toString()} hides the password.
 *
 * @param mechanism      {@code PLAIN}, {@code SCRAM-SHA-256}, {@code SCRAM-SHA-512} or {@code OAUTHBEARER}
 * @param username       for PLAIN and SCRAM; null for OAUTHBEARER
 * @param password       for PLAIN and SCRAM; null for OAUTHBEARER
 * @param tokenProvider  for OAUTHBEARER; null otherwise
 */
public record SaslSettings(String mechanism, String username, String password, OAuthBearerTokenProvider tokenProvider) {

    public static final String PLAIN = "PLAIN";
    public static final String SCRAM_SHA_256 = "SCRAM-SHA-256";
    public static final String SCRAM_SHA_512 = "SCRAM-SHA-512";
    public static final String OAUTHBEARER = "OAUTHBEARER";

    public SaslSettings {
        Objects.requireNonNull(mechanism, "mechanism");
    }

    @Override
    public String toString() {
        return "SaslSettings(mechanism=" + mechanism + ", username=" + username + ", password="
                + TlsSettings.hidden(password) + (tokenProvider == null ? "" : ", tokenProvider="
                + tokenProvider.getClass().getName()) + ")";
    }
}
