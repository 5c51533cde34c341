package io.odradek.domain.accumulator;

import java.util.Arrays;

import io.odradek.api.Callback;

/**
 * What a batch needs to complete each of its records later: callback, timestamp and sizes, in
 * parallel arrays instead of an object per record. Recycled from batch to batch (see
 * {@link CompletionsPool}), so a steady stream of batches allocates none of these arrays.
 */
final class RecordCompletions {
    Callback[] callbacks;
    long[] timestamps;
    /** Key size in the high 32 bits, value size in the low 32 bits; -1 for null. */
    long[] sizes;

    RecordCompletions(int capacity) {
        callbacks = new Callback[capacity];
        timestamps = new long[capacity];
        sizes = new long[capacity];
    }

    int capacity() {
        return callbacks.length;
    }

    void set(int index, Callback callback, long timestampMs, int keyLength, int valueLength) {
        if (index == callbacks.length) {
            grow();
        }
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
        Arrays.fill(callbacks, 0, count, null);
    }

    private void grow() {
        int capacity = callbacks.length * 2;
        callbacks = Arrays.copyOf(callbacks, capacity);
        timestamps = Arrays.copyOf(timestamps, capacity);
        sizes = Arrays.copyOf(sizes, capacity);
    }
}
