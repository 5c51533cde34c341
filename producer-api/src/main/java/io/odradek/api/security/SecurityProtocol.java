package io.odradek.api.security;

import java.util.Locale;

/** Kafka's {@code security.protocol}: whether connections use TLS, SASL, both or neither. */
public enum SecurityProtocol {
    PLAINTEXT(false, false),
    SSL(true, false),
    SASL_PLAINTEXT(false, true),
    SASL_SSL(true, true);

    private final boolean tls;
    private final boolean sasl;

    SecurityProtocol(boolean tls, boolean sasl) {
        this.tls = tls;
        this.sasl = sasl;
    }

    /** Whether connections are wrapped in TLS. */
    public boolean usesTls() {
        return tls;
    }

    /** Whether each connection authenticates with SASL before it carries requests. */
    public boolean usesSasl() {
        return sasl;
    }

    /** The protocol of that name, case-insensitively, or null. */
    public static SecurityProtocol parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
