package io.odradek.domain.protocol;

/** Bytes from the broker that do not parse as the expected response. The connection is unusable. */
public class ProtocolException extends RuntimeException {
    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
