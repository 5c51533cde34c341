package io.odradek.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;

/**
 * The outcome of one {@link Producer#send}: a {@code Future<RecordMetadata>}, as Kafka's producer returns,
 * that completes when the broker acknowledged the record or it failed for good. {@link #cancel} does nothing:
 * a record handed to the producer cannot be taken back.
 *
 * <p>Why not a {@code CompletableFuture}: a producer completes millions of these a second, most of which
 * nobody looks at. This one is a small view of its batch's outcome, and builds its {@link RecordMetadata}
 * only when asked; {@link #toCompletableFuture()} gives composition to the callers who want it.
 */
public interface RecordFuture extends Future<RecordMetadata> {

    /**
     * Waits for the outcome, as {@link CompletableFuture#join()} does: the metadata, or a
     * {@link CompletionException} whose cause is the error the record failed with.
     */
    RecordMetadata join();

    /** A {@code CompletableFuture} that completes with this record's outcome (a new one on every call). */
    CompletableFuture<RecordMetadata> toCompletableFuture();

    /** Whether the record failed (false while it is not done). */
    boolean isCompletedExceptionally();

    /** Does nothing and returns false: a record handed to the producer cannot be taken back. */
    @Override
    default boolean cancel(boolean mayInterruptIfRunning) {
        return false;
    }

    /** Always false: see {@link #cancel}. */
    @Override
    default boolean isCancelled() {
        return false;
    }

    /** A view of {@code future}: for records that never reach a batch, and for test doubles of {@link Producer}. */
    static RecordFuture of(CompletableFuture<RecordMetadata> future) {
        return new CompletableRecordFuture(future);
    }

    /** A record that failed with {@code error} before it was sent. */
    static RecordFuture failed(Throwable error) {
        return of(CompletableFuture.failedFuture(error));
    }
}
