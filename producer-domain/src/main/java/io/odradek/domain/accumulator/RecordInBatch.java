package io.odradek.domain.accumulator;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.odradek.api.RecordFuture;
import io.odradek.api.RecordMetadata;

/**
 * The future {@code send} returns for a record appended to a batch: the batch's outcome, the record's place
 * in it and what its metadata needs. Nothing in the producer refers to it, so a caller who drops it leaves
 * garbage that dies young; its {@link RecordMetadata} is built only when someone asks.
 */
final class RecordInBatch implements RecordFuture {
    private final BatchOutcome outcome;
    private final int index;
    private final long createTimeMs;
    private final int keySize;
    private final int valueSize;

    RecordInBatch(BatchOutcome outcome, int index, long createTimeMs, int keySize, int valueSize) {
        this.outcome = outcome;
        this.index = index;
        this.createTimeMs = createTimeMs;
        this.keySize = keySize;
        this.valueSize = valueSize;
    }

    /** Only once done without error. */
    RecordMetadata metadata() {
        return outcome.metadata(index, createTimeMs, keySize, valueSize);
    }

    @Override
    public RecordMetadata get() throws InterruptedException, ExecutionException {
        outcome.await();
        return result();
    }

    @Override
    public RecordMetadata get(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (!outcome.await(timeout, unit)) {
            throw new TimeoutException("The record was not acknowledged within " + timeout + " " + unit);
        }
        return result();
    }

    private RecordMetadata result() throws ExecutionException {
        RuntimeException error = outcome.error();
        if (error != null) {
            throw new ExecutionException(error);
        }
        return metadata();
    }

    @Override
    public RecordMetadata join() {
        boolean interrupted = false;
        while (true) {
            try {
                outcome.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        RuntimeException error = outcome.error();
        if (error != null) {
            throw new CompletionException(error);
        }
        return metadata();
    }

    @Override
    public CompletableFuture<RecordMetadata> toCompletableFuture() {
        return outcome.newCompletableFuture(this);
    }

    @Override
    public boolean isCompletedExceptionally() {
        return outcome.isDone() && outcome.error() != null;
    }

    @Override
    public boolean isDone() {
        return outcome.isDone();
    }

    @Override
    public String toString() {
        return "RecordFuture(" + (outcome.isDone() ? outcome.error() == null ? metadata() : outcome.error()
                : "not done") + ")";
    }
}
