package io.odradek.domain.accumulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.odradek.api.RecordMetadata;

/**
 * How one batch ended, shared by the futures of its records: the only per-batch object they keep alive, so
 * the batch itself (its buffers, its completion arrays) is recycled as soon as it completes.
 *
 * <p>Written once, on the I/O thread ({@link #settle}, then {@link #release} once the callbacks ran); the volatile
 * {@link #released} makes the fields visible to every thread that sees it set.
 *
 * <p>Two moments: the outcome is known ({@link #isDone}, and the records' futures with it), then the futures
 * derived from it ({@link #whenDone}) have been completed ({@link #awaitCompletion}, what flush waits for, so
 * that flush returns only once every earlier record's future is done, derived ones included). A derived stage
 * that waits for another record of the batch does not deadlock the I/O thread: that record is done already.
 */
final class BatchOutcome {
    private final String topic;
    private final int partition;
    private final CountDownLatch done = new CountDownLatch(1);
    private long baseOffset = RecordMetadata.UNKNOWN_OFFSET;
    private long logAppendTimeMs = -1;
    private RuntimeException error;
    /** Futures made by {@link RecordInBatch#toCompletableFuture()} before the outcome was known; rare. */
    private List<Runnable> dependents;
    /** Set by {@link #release} (under this object's lock): from then on {@link #whenDone} runs its action at once. */
    private volatile boolean released;

    BatchOutcome(String topic, int partition) {
        this.topic = topic;
        this.partition = partition;
    }

    /** Records how the batch ended; the futures see it only after {@link #release}. */
    void settle(long baseOffset, long logAppendTimeMs, RuntimeException error) {
        this.baseOffset = error == null ? baseOffset : RecordMetadata.UNKNOWN_OFFSET;
        this.logAppendTimeMs = logAppendTimeMs;
        this.error = error;
    }

    /** Completes the futures with what {@link #settle} recorded: the derived ones first, then the latch. */
    void release() {
        List<Runnable> waiting;
        synchronized (this) {
            released = true;
            waiting = dependents;
            dependents = null;
        }
        try {
            if (waiting != null) {
                waiting.forEach(Runnable::run);
            }
        } finally {
            done.countDown();
        }
    }

    /** Whether the outcome is known. */
    boolean isDone() {
        return released;
    }

    /** Waits until the outcome is known. */
    void await() throws InterruptedException {
        if (!released) {
            done.await();
        }
    }

    /** Waits until the outcome is known; false if it is not known after {@code timeout}. */
    boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return released || done.await(timeout, unit);
    }

    /** Waits until the outcome is known and every future derived from it is complete. */
    boolean awaitCompletion(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    /** Runs {@code action} once the outcome is known: now if it is, else on the I/O thread when it is. */
    void whenDone(Runnable action) {
        synchronized (this) {
            if (!released) {
                if (dependents == null) {
                    dependents = new ArrayList<>(1);
                }
                dependents.add(action);
                return;
            }
        }
        action.run();
    }

    /** Only once done. */
    RuntimeException error() {
        return error;
    }

    /** The metadata of the record at {@code index} (offset -1 after an error); only once settled. */
    RecordMetadata metadata(int index, long createTimeMs, int keySize, int valueSize) {
        long offset = baseOffset < 0 ? RecordMetadata.UNKNOWN_OFFSET : baseOffset + index;
        long timestamp = logAppendTimeMs >= 0 ? logAppendTimeMs : createTimeMs;
        return new RecordMetadata(topic, partition, offset, timestamp, keySize, valueSize);
    }

    CompletableFuture<RecordMetadata> newCompletableFuture(RecordInBatch record) {
        CompletableFuture<RecordMetadata> future = new CompletableFuture<>();
        whenDone(() -> {
            if (error != null) {
                future.completeExceptionally(error);
            } else {
                future.complete(record.metadata());
            }
        });
        return future;
    }
}
