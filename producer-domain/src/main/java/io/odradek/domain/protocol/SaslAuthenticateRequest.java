package io.odradek.domain.protocol;

/** One SASL message of the client's, carried in a Kafka request (KIP-152). {@link #toString()} hides it. */
public record SaslAuthenticateRequest(byte[] authBytes) implements Request {
    @Override
    public ApiKey apiKey() {
        return ApiKey.SASL_AUTHENTICATE;
    }

    @Override
    public String toString() {
        return "SaslAuthenticateRequest(" + authBytes.length + " bytes)";
    }
}
