package io.odradek.api;

/**
 * The TLS handshake failed: the broker's certificate is not trusted, does not name the host connected to, or
 * the broker refused the producer's certificate.
 */
public class SslAuthenticationException extends AuthenticationException {
    public SslAuthenticationException(String message) {
        super(message);
    }

    public SslAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
