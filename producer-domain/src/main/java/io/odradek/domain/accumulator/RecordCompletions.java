package io.odradek.domain.accumulator;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import io.odradek.api.Callback;
import io.odradek.api.RecordMetadata;

/**
 * What a batch needs to complete each of its records later: future, callback, timestamp and sizes, in
 * parallel arrays instead of an object per record. Recycled from batch to batch (see
 * {@link CompletionsPool}), so a steady stream of batches allocates none of these arrays.
 */
final class RecordCompletions {
    CompletableFuture<RecordMetadata>[] futures;
    Callback[] callbacks;
    long[] timestamps;
    /** Key size in the high 32 bits, value size in the low 32 bits; -1 for null. */
    long[] sizes;

    @SuppressWarnings("unchecked")
    RecordCompletions(int capacity) {
        futures = new CompletableFuture[capacity];
        callbacks = new Callback[capacity];
        timestamps = new long[capacity];
        sizes = new long[capacity];
    }

    int capacity() {
        return futures.length;
    }

    void set(int index, CompletableFuture<RecordMetadata> future, Callback callback, long timestampMs,
             int keyLength, int valueLength) {
        if (index == futures.length) {
            grow();
        }
        futures[index] = future;
        callbacks[index] = callback;
        timestamps[index] = timestampMs;
        sizes[index] = ((long) keyLength << 32) | (valueLength & 0xFFFFFFFFL);
    }

    int keySize(int index) {
        return (int) (sizes[index] >> 32);
    }

    int valueSize(int index) {
        return (int) sizes[index];
    }

    /** Forgets the first {@code count} records' references, so a recycled instance holds on to nothing. */
    void clear(int count) {
        Arrays.fill(futures, 0, count, null);
        Arrays.fill(callbacks, 0, count, null);
    }

    private void grow() {
        int capacity = futures.length * 2;
        futures = Arrays.copyOf(futures, capacity);
        callbacks = Arrays.copyOf(callbacks, capacity);
        timestamps = Arrays.copyOf(timestamps, capacity);
        sizes = Arrays.copyOf(sizes, capacity);
    }
}
