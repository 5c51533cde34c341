package io.odradek.api;

/**
 * The broker answered with a retriable Kafka error code (e.g. NOT_LEADER_OR_FOLLOWER) and it persisted
 * until the record's {@code delivery.timeout.ms} or {@code retries} ran out.
 */
public class RetriableBrokerErrorException extends RetriableException {
    private final short errorCode;
    private final String errorName;

    public RetriableBrokerErrorException(short errorCode, String errorName, String message) {
        this(errorCode, errorName, message, Persistence.NOT_PERSISTED);
    }

    public RetriableBrokerErrorException(short errorCode, String errorName, String message, Persistence persistence) {
        super(errorName + " (" + errorCode + "): " + message, null, persistence);
        this.errorCode = errorCode;
        this.errorName = errorName;
    }

    public short errorCode() {
        return errorCode;
    }

    public String errorName() {
        return errorName;
    }
}
