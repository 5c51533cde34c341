package io.odradek.api.security;

import java.util.Objects;
import java.util.Optional;

/**
 * How the producer secures its connections: the protocol, and the TLS and SASL settings it needs (present
 * exactly when the protocol uses them).
 */
public record SecuritySettings(SecurityProtocol protocol, Optional<TlsSettings> tls, Optional<SaslSettings> sasl) {

    public static final SecuritySettings PLAINTEXT =
            new SecuritySettings(SecurityProtocol.PLAINTEXT, Optional.empty(), Optional.empty());

    public SecuritySettings {
        Objects.requireNonNull(protocol, "protocol");
        if (tls.isPresent() != protocol.usesTls() || sasl.isPresent() != protocol.usesSasl()) {
            throw new IllegalArgumentException(protocol + " needs " + (protocol.usesTls() ? "" : "no ")
                    + "TLS settings and " + (protocol.usesSasl() ? "" : "no ") + "SASL settings");
        }
    }
}
