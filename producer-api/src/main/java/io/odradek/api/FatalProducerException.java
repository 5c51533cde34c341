package io.odradek.api;

/**
 * The producer cannot go on (fenced by a newer instance, not authorized, a broker too old); every later
 * send fails with it. Close the producer.
 */
public class FatalProducerException extends OdradekException {
    public FatalProducerException(String message) {
        super(message);
    }

    public FatalProducerException(String message, Throwable cause) {
        super(message, cause);
    }

    public FatalProducerException(String message, Throwable cause, Persistence persistence) {
        super(message, cause, persistence);
    }
}
