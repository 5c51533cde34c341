package io.odradek.api;

/**
 * Whether a record that failed may be in the log anyway. A failure after the record reached a broker does not
 * always mean the broker did not store it: the answer may have been lost on the way back, or the broker may have
 * appended it and then timed out waiting for its replicas. An application that must not write a record twice
 * (or must know it was not written) branches on this, as librdkafka's applications branch on a message's status.
 *
 * <pre>{@code
 * producer.send(record, (metadata, error) -> {
 *     if (error != null && Persistence.of(error) == Persistence.NOT_PERSISTED) {
 *         retryLater(record);   // certainly not in the log: sending it again cannot duplicate it
 *     } else if (error != null) {
 *         reconcile(record);    // may be in the log: check before sending it again
 *     }
 * });
 * }</pre>
 */
public enum Persistence {
    /** Certainly not in the log: no attempt reached a broker, or every broker that got it refused it. */
    NOT_PERSISTED,
    /**
     * May be in the log: an attempt reached a broker and its answer was lost (the connection broke, the request
     * timed out), or the broker answered that it appended the record but could not confirm its replication.
     */
    POSSIBLY_PERSISTED;

    /**
     * The persistence of a record that failed with {@code error}, as given to its callback or future (a
     * {@link java.util.concurrent.CompletionException} or {@link java.util.concurrent.ExecutionException} around
     * it is looked through). An error that is not Odradek's own says nothing, so it counts as
     * {@link #POSSIBLY_PERSISTED}: the safe assumption.
     */
    public static Persistence of(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof OdradekException odradek) {
            return odradek.persistence();
        }
        return POSSIBLY_PERSISTED;
    }
}
