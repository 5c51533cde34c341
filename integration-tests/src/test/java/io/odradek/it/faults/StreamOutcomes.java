package io.odradek.it.faults;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * What became of every record of one {@link NumberedStream}, indexed by its sequence number: when it was
 * sent, and whether it was acknowledged (where) or failed (why). The sending thread and the producer's
 * callback thread write it; it is read once every record sent has its outcome ({@link #awaitAll}), which the
 * atomic counter of completions orders after the writes.
 */
final class StreamOutcomes {

    private static final byte PENDING = 0;
    private static final byte ACKNOWLEDGED = 1;
    private static final byte FAILED = 2;

    private final byte[] state;
    private final int[] partition;
    private final long[] offset;
    private final long[] sentAtNanos;
    private final ErrorKind[] failure;
    private final Map<ErrorKind, String> exampleMessages = new ConcurrentHashMap<>();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger completedTwice = new AtomicInteger();
    private volatile int sent;

    StreamOutcomes(int capacity) {
        state = new byte[capacity];
        partition = new int[capacity];
        offset = new long[capacity];
        sentAtNanos = new long[capacity];
        failure = new ErrorKind[capacity];
    }

    /** Called by the sending thread just before it hands record {@code seq} to the producer. */
    void sending(int seq, long nowNanos) {
        sentAtNanos[seq] = nowNanos;
    }

    /** Called by the sending thread once the producer took record {@code seq} (or threw). */
    void sent(int seq) {
        sent = seq + 1;
    }

    /** The producer's completion of record {@code seq}. */
    void completed(int seq, int partition, long offset, Exception error) {
        if (state[seq] != PENDING) {
            completedTwice.incrementAndGet();
            return;
        }
        this.partition[seq] = partition;
        this.offset[seq] = offset;
        if (error == null) {
            state[seq] = ACKNOWLEDGED;
        } else {
            ErrorKind kind = ErrorKind.of(error);
            failure[seq] = kind;
            exampleMessages.putIfAbsent(kind, ErrorKind.fullMessage(error));
            state[seq] = FAILED;
        }
        completed.incrementAndGet();
    }

    /** Waits until every record sent so far has its outcome; false if {@code timeout} passed first. */
    boolean awaitAll(Duration timeout) {
        long deadlineNanos = System.nanoTime() + timeout.toNanos();
        while (completed.get() < sent) {
            if (System.nanoTime() - deadlineNanos > 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // polling a condition with a deadline
        }
        return true;
    }

    int sent() {
        return sent;
    }

    int completed() {
        return completed.get();
    }

    /** Completions of a record that had its outcome already: a producer must call back exactly once. */
    int completedTwice() {
        return completedTwice.get();
    }

    boolean isAcknowledged(int seq) {
        return state[seq] == ACKNOWLEDGED;
    }

    boolean isFailed(int seq) {
        return state[seq] == FAILED;
    }

    int partition(int seq) {
        return partition[seq];
    }

    long offset(int seq) {
        return offset[seq];
    }

    long sentAtNanos(int seq) {
        return sentAtNanos[seq];
    }

    /** Why record {@code seq} failed; null unless {@link #isFailed}. */
    ErrorKind failure(int seq) {
        return failure[seq];
    }

    /** The first whole message (with its causes) of each kind of failure. */
    Map<ErrorKind, String> exampleMessages() {
        return Map.copyOf(exampleMessages);
    }
}
