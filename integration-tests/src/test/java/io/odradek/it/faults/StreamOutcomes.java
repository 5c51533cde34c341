package io.odradek.it.faults;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.odradek.api.OdradekException;
import io.odradek.api.Persistence;

/**
 * What became of every record of one {@link NumberedStream}, indexed by its sequence number: when it was due
 * and sent, and whether it was acknowledged (where, when) or failed (why). The sending thread and the producer's
 * callback thread write it; it is read once every record sent has its outcome ({@link #awaitAll}), which the
 * atomic counter of completions orders after the writes.
 */
final class StreamOutcomes {

    private static final byte PENDING = 0;
    private static final byte ACKNOWLEDGED = 1;
    private static final byte FAILED = 2;

    private final String topic;
    private final byte[] state;
    private final int[] partition;
    private final long[] offset;
    private final long[] dueAtNanos;
    private final long[] sentAtNanos;
    private final long[] completedAtNanos;
    private final ErrorKind[] failure;
    // Odradek's failures say whether the record can be in the log (Persistence); NOT_PERSISTED is a promise the
    // log can check.
    private final boolean[] failedAsNotPersisted;
    private final Map<ErrorKind, String> exampleMessages = new ConcurrentHashMap<>();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger completedTwice = new AtomicInteger();
    private volatile int sent;
    private volatile long longestSendNanos;

    StreamOutcomes(String topic, int capacity) {
        this.topic = topic;
        state = new byte[capacity];
        partition = new int[capacity];
        offset = new long[capacity];
        dueAtNanos = new long[capacity];
        sentAtNanos = new long[capacity];
        completedAtNanos = new long[capacity];
        failure = new ErrorKind[capacity];
        failedAsNotPersisted = new boolean[capacity];
    }

    /**
     * Called by the sending thread once send() returned (or threw) for record {@code seq}. {@code dueNanos} is
     * when the stream's schedule wanted it sent, earlier than the call if a blocking send() held the stream back.
     */
    void sent(int seq, long dueNanos, long calledNanos, long returnedNanos) {
        dueAtNanos[seq] = dueNanos;
        sentAtNanos[seq] = returnedNanos;
        longestSendNanos = Math.max(longestSendNanos, returnedNanos - calledNanos);
        sent = seq + 1;
    }

    /** The producer's completion of record {@code seq}. */
    void completed(int seq, int partition, long offset, Exception error) {
        if (state[seq] != PENDING) {
            completedTwice.incrementAndGet();
            return;
        }
        completedAtNanos[seq] = System.nanoTime();
        this.partition[seq] = partition;
        this.offset[seq] = offset;
        if (error == null) {
            state[seq] = ACKNOWLEDGED;
        } else {
            ErrorKind kind = ErrorKind.of(error, topic);
            failure[seq] = kind;
            failedAsNotPersisted[seq] = error instanceof OdradekException
                    && Persistence.of(error) == Persistence.NOT_PERSISTED;
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

    /** Failed with an error that says no attempt of the record was written. */
    boolean failedAsNotPersisted(int seq) {
        return failedAsNotPersisted[seq];
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

    /**
     * How long record {@code seq} took from the return of send() to its outcome: what delivery.timeout.ms bounds.
     * Negative if the outcome came before send() returned.
     */
    long latencyFromSendNanos(int seq) {
        return completedAtNanos[seq] - sentAtNanos[seq];
    }

    /**
     * How long record {@code seq} took from the moment it was due to its outcome: what the application waited,
     * whether the producer kept the record in its buffer or kept the application's thread in send().
     */
    long latencyFromDueNanos(int seq) {
        return completedAtNanos[seq] - dueAtNanos[seq];
    }

    /** The longest the producer's send() held the sending thread: back-pressure, or a block on metadata. */
    long longestSendNanos() {
        return longestSendNanos;
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
