package io.odradek.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link RecordFuture} over a {@code CompletableFuture}. */
final class CompletableRecordFuture implements RecordFuture {
    private final CompletableFuture<RecordMetadata> future;

    CompletableRecordFuture(CompletableFuture<RecordMetadata> future) {
        this.future = future;
    }

    @Override
    public RecordMetadata join() {
        return future.join();
    }

    @Override
    public CompletableFuture<RecordMetadata> toCompletableFuture() {
        // A copy: whoever completes or cancels it must not change this record's outcome.
        return future.copy();
    }

    @Override
    public boolean isCompletedExceptionally() {
        return future.isCompletedExceptionally();
    }

    @Override
    public boolean isDone() {
        return future.isDone();
    }

    @Override
    public RecordMetadata get() throws InterruptedException, ExecutionException {
        return future.get();
    }

    @Override
    public RecordMetadata get(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(timeout, unit);
    }

    @Override
    public String toString() {
        return "RecordFuture(" + future + ")";
    }
}
