package io.odradek.api;

/** The producer was closed before the record could be sent, or {@code send} was called after close. */
public class ProducerClosedException extends OdradekException {
    public ProducerClosedException(String message) {
        super(message);
    }

    public ProducerClosedException(String message, Throwable cause, Persistence persistence) {
        super(message, cause, persistence);
    }
}
