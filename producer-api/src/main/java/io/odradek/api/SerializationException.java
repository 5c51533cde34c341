package io.odradek.api;

/** A key or value serializer failed; the record was not sent. */
public class SerializationException extends OdradekException {
    public SerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
