package io.odradek.api;

/** The broker answered with a Kafka error code that retrying cannot fix (e.g. INVALID_TOPIC_EXCEPTION). */
public class BrokerErrorException extends OdradekException {
    private final short errorCode;
    private final String errorName;

    public BrokerErrorException(short errorCode, String errorName, String message) {
        this(errorCode, errorName, message, Persistence.NOT_PERSISTED);
    }

    public BrokerErrorException(short errorCode, String errorName, String message, Persistence persistence) {
        super(errorName + " (" + errorCode + "): " + message, null, persistence);
        this.errorCode = errorCode;
        this.errorName = errorName;
    }

    /** Kafka's numeric error code. */
    public short errorCode() {
        return errorCode;
    }

    /** Kafka's name for the error, e.g. {@code INVALID_TOPIC_EXCEPTION}. */
    public String errorName() {
        return errorName;
    }
}
