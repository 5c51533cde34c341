package io.odradek.api;

/** A record that was not sent because its transaction was aborted; it is not in the log. */
public class TransactionAbortedException extends OdradekException {
    public TransactionAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
