package io.odradek.api;

/**
 * A broker refused who the producer said it was, or the producer refused the broker: a wrong password, an
 * untrusted certificate, a host name the certificate does not name. Retrying with the same configuration
 * cannot succeed, so the producer fails every pending record and every later {@code send} with it (as Kafka's
 * producer does) instead of reconnecting for ever. Its message says which check failed; it never holds a
 * password or a token.
 */
public class AuthenticationException extends FatalProducerException {
    public AuthenticationException(String message) {
        super(message);
    }

    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
