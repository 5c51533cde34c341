package io.odradek.api;

/**
 * The open transaction cannot commit, but the producer can go on: call {@link Producer#abortTransaction()}, then
 * begin a new transaction (for example, reprocess the input from the last committed offsets). A send that failed,
 * a partition or offsets the broker refused to add, a timed-out transaction: each ends its transaction this way.
 */
public class TransactionAbortableException extends OdradekException {
    public TransactionAbortableException(String message, Throwable cause) {
        super(message, cause);
    }
}
