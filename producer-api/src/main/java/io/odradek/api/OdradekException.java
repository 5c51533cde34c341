package io.odradek.api;

/** The base of every exception Odradek throws or completes a future with. */
public class OdradekException extends RuntimeException {
    public OdradekException(String message) {
        super(message);
    }

    public OdradekException(String message, Throwable cause) {
        super(message, cause);
    }
}
