package io.odradek.domain.security;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.odradek.api.SaslAuthenticationException;
import io.odradek.api.security.OAuthBearerToken;
import io.odradek.api.security.OAuthBearerTokenProvider;

/**
 * SASL/OAUTHBEARER (RFC 7628, KIP-255): the GS2 header, then {@code auth=Bearer <token>} and any extensions
 * (KIP-342), separated by ^A. A broker that refuses the token answers with an error document, to which the
 * client must reply with a lone ^A before the broker ends the exchange with the error (RFC 7628 section 3.2.3).
 */
final class OAuthBearerConversation implements SaslConversation {
    private static final char SEPARATOR = '\u0001';

    private final OAuthBearerTokenProvider provider;
    private String principal = "(no token yet)";
    private boolean complete;

    OAuthBearerConversation(OAuthBearerTokenProvider provider) {
        this.provider = provider;
    }

    @Override
    public String mechanism() {
        return "OAUTHBEARER";
    }

    @Override
    public String principal() {
        return principal;
    }

    @Override
    public byte[] start() {
        OAuthBearerToken token;
        try {
            token = provider.token();
        } catch (RuntimeException e) {
            throw new SaslAuthenticationException("The OAUTHBEARER token provider " + provider.getClass().getName()
                    + " failed: " + e.getMessage(), e);
        }
        if (token == null) {
            throw new SaslAuthenticationException("The OAUTHBEARER token provider " + provider.getClass().getName()
                    + " returned no token");
        }
        principal = token.principal();
        StringBuilder message = new StringBuilder("n,,").append(SEPARATOR).append("auth=Bearer ").append(token.value())
                .append(SEPARATOR);
        for (Map.Entry<String, String> extension : token.extensions().entrySet()) {
            message.append(extension.getKey()).append('=').append(extension.getValue()).append(SEPARATOR);
        }
        message.append(SEPARATOR);
        return message.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] respond(byte[] challenge) {
        complete = true;
        // An empty answer is the broker's acceptance. Only a refusal brings a challenge: acknowledging it lets
        // the broker send the error itself.
        return challenge.length == 0 ? null : new byte[] {SEPARATOR};
    }

    @Override
    public boolean isComplete() {
        return complete;
    }
}
