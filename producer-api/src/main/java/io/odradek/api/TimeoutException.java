package io.odradek.api;

/** A deadline passed: {@code max.block.ms}, {@code delivery.timeout.ms} or {@code request.timeout.ms}. */
public class TimeoutException extends RetriableException {
    public TimeoutException(String message) {
        super(message);
    }

    public TimeoutException(String message, Throwable cause) {
        super(message, cause);
    }

    public TimeoutException(String message, Persistence persistence) {
        super(message, null, persistence);
    }
}
