package io.odradek.api;

/** SASL authentication failed: wrong credentials, a mechanism the broker does not enable, a rejected token. */
public class SaslAuthenticationException extends AuthenticationException {
    public SaslAuthenticationException(String message) {
        super(message);
    }

    public SaslAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
