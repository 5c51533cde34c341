package io.odradek.domain.security;

import java.util.function.Supplier;

import io.odradek.api.security.SaslSettings;

/** A fresh {@link SaslConversation} for each authentication, of the configured mechanism. */
public final class SaslMechanisms {
    private SaslMechanisms() {
    }

    public static Supplier<SaslConversation> conversations(SaslSettings settings) {
        return switch (settings.mechanism()) {
            case SaslSettings.PLAIN -> () -> new PlainConversation(settings.username(), settings.password());
            case SaslSettings.SCRAM_SHA_256 -> () -> new ScramConversation(ScramConversation.Algorithm.SHA_256,
                    settings.username(), settings.password());
            case SaslSettings.SCRAM_SHA_512 -> () -> new ScramConversation(ScramConversation.Algorithm.SHA_512,
                    settings.username(), settings.password());
            case SaslSettings.OAUTHBEARER -> () -> new OAuthBearerConversation(settings.tokenProvider());
            default -> throw new IllegalArgumentException("no SASL mechanism " + settings.mechanism());
        };
    }
}
