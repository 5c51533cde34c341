package io.odradek.domain.protocol;

/** Asks the broker to authenticate this connection with {@code mechanism} (KIP-43; v1: then SaslAuthenticate, KIP-152). */
public record SaslHandshakeRequest(String mechanism) implements Request {
    @Override
    public ApiKey apiKey() {
        return ApiKey.SASL_HANDSHAKE;
    }
}
