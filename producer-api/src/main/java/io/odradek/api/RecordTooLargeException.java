package io.odradek.api;

/** A record is larger than {@code max.request.size} or {@code buffer.memory}, or the broker's limit. */
public class RecordTooLargeException extends OdradekException {
    public RecordTooLargeException(String message) {
        super(message);
    }

    public RecordTooLargeException(String message, Persistence persistence) {
        super(message, null, persistence);
    }
}
