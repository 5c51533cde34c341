package io.odradek.api;

/**
 * A transient failure: sending again may succeed. The producer already retried it within
 * {@code delivery.timeout.ms} before failing a record with it.
 */
public class RetriableException extends OdradekException {
    public RetriableException(String message) {
        super(message);
    }

    public RetriableException(String message, Throwable cause) {
        super(message, cause);
    }

    public RetriableException(String message, Throwable cause, Persistence persistence) {
        super(message, cause, persistence);
    }
}
