package io.odradek.domain.transaction;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.odradek.api.ConsumerGroupMetadata;
import io.odradek.api.OffsetAndMetadata;
import io.odradek.api.TopicPartition;

/**
 * One call of the application's (initTransactions, sendOffsetsToTransaction, commitTransaction, abortTransaction)
 * that the I/O thread carries out: the application thread waits for it up to max.block.ms, and may call the same
 * method again to go on waiting after a timeout.
 */
public final class TransactionOperation {

    /** What the application asked for. */
    public enum Kind {
        INIT("initTransactions"),
        SEND_OFFSETS("sendOffsetsToTransaction"),
        COMMIT("commitTransaction"),
        ABORT("abortTransaction");

        private final String method;

        Kind(String method) {
            this.method = method;
        }

        public String method() {
            return method;
        }
    }

    private final Kind kind;
    private final Map<TopicPartition, OffsetAndMetadata> offsets;
    private final ConsumerGroupMetadata group;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile RuntimeException error;

    TransactionOperation(Kind kind) {
        this(kind, Map.of(), null);
    }

    TransactionOperation(Kind kind, Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
        this.kind = kind;
        this.offsets = Map.copyOf(offsets);
        this.group = group;
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#SEND_OFFSETS}: the positions to commit. */
    public Map<TopicPartition, OffsetAndMetadata> offsets() {
        return offsets;
    }

    /** For {@link Kind#SEND_OFFSETS}: whose positions they are. */
    public ConsumerGroupMetadata group() {
        return group;
    }

    void succeed() {
        done.countDown();
    }

    void fail(RuntimeException cause) {
        if (done.getCount() > 0) {
            error = cause;
            done.countDown();
        }
    }

    public boolean isDone() {
        return done.getCount() == 0;
    }

    /** Waits; true once done (then {@link #error()} says how). */
    boolean await(long timeoutNs) throws InterruptedException {
        return done.await(timeoutNs, TimeUnit.NANOSECONDS);
    }

    /** Null if it succeeded; only once done. */
    RuntimeException error() {
        return error;
    }
}
