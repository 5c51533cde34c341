package io.odradek.it.faults;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends records numbered 0, 1, 2, ... from one thread: the value starts with the record's sequence number
 * (so the reader knows each record it finds) and, keyed, the key cycles through a small set. Every record's
 * outcome lands in {@link #outcomes()}.
 */
final class NumberedStream {

    private final StreamProducer producer;
    private final String topic;
    private final Workload workload;
    private final byte[][] keys;
    private final StreamOutcomes outcomes;
    private final Thread thread;
    private volatile boolean stopRequested;
    private volatile long startNanos;
    private volatile long stopRequestedNanos;
    private volatile Throwable crash;

    NumberedStream(StreamProducer producer, String topic, Workload workload) {
        this.producer = producer;
        this.topic = topic;
        this.workload = workload;
        this.keys = new byte[workload.keys()][];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = ("key-" + k).getBytes(StandardCharsets.UTF_8);
        }
        this.outcomes = new StreamOutcomes(topic, workload.maxRecords());
        this.thread = new Thread(this::sendAll, "numbered-stream-" + topic);
        this.thread.setDaemon(true);
    }

    /** The sequence number a value carries, or -1 if it is no value of a numbered stream. */
    static long sequenceOf(byte[] value) {
        return value == null || value.length < Workload.SEQUENCE_BYTES ? -1 : ByteBuffer.wrap(value).getLong();
    }

    void start() {
        thread.start();
    }

    /** Asks the stream to send no more records; the one being sent is finished. */
    void stopSending() {
        if (!stopRequested) {
            stopRequestedNanos = System.nanoTime();
            stopRequested = true;
        }
    }

    /**
     * Records the schedule made due more than {@code deadline} before sending stopped that were never handed to
     * the producer: a send() that blocked held them back past the deadline, so they count against the producer
     * as missed, as failed records do. (Records due closer to the stop are left out: whether they would have
     * made it is unknown, and a few are always due but not yet sent when a stream stops.)
     */
    int dueButUnsent(Duration deadline) {
        if (workload.flatOut() || !stopRequested) {
            return 0;
        }
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / workload.recordsPerSecond();
        long lastDueNanos = stopRequestedNanos - deadline.toNanos();
        if (lastDueNanos < startNanos) {
            return 0;
        }
        long due = Math.min(workload.maxRecords(), (lastDueNanos - startNanos) / intervalNanos + 1);
        return (int) Math.max(0, due - outcomes.sent());
    }

    /** Waits until the sending thread ended (stopped, or all {@code maxRecords} sent); fails after {@code timeout}. */
    void awaitSendingEnded(Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (thread.isAlive()) {
            throw new AssertionError("stream to " + topic + " still sending after " + timeout
                    + " (blocked in send?), " + outcomes.sent() + " records sent");
        }
        if (crash != null) {
            throw new AssertionError("stream to " + topic + " crashed", crash);
        }
    }

    boolean isSending() {
        return thread.isAlive();
    }

    int sentSoFar() {
        return outcomes.sent();
    }

    String topic() {
        return topic;
    }

    Workload workload() {
        return workload;
    }

    StreamOutcomes outcomes() {
        return outcomes;
    }

    private void sendAll() {
        try {
            startNanos = System.nanoTime();
            long intervalNanos = workload.flatOut() ? 0 : TimeUnit.SECONDS.toNanos(1) / workload.recordsPerSecond();
            for (int seq = 0; seq < workload.maxRecords() && !stopRequested; seq++) {
                long dueNanos = workload.flatOut() ? System.nanoTime() : startNanos + seq * intervalNanos;
                awaitScheduledTime(dueNanos);
                send(seq, dueNanos);
            }
        } catch (Throwable t) {
            crash = t;
        }
    }

    private void send(int seq, long dueNanos) {
        byte[] key = keys.length == 0 ? null : keys[seq % keys.length];
        byte[] value = value(seq);
        long calledNanos = System.nanoTime();
        producer.send(topic, key, value, (partition, offset, error) -> outcomes.completed(seq, partition, offset, error));
        outcomes.sent(seq, dueNanos, calledNanos, System.nanoTime());
    }

    private byte[] value(int seq) {
        byte[] value = new byte[workload.valueBytes()];
        ByteBuffer.wrap(value).putLong(seq);
        return value;
    }

    /**
     * Keeps the steady rate: a record is sent at its scheduled time, or at once if the stream is behind (the
     * producer blocked in send), so the stream catches up as an application with a backlog would.
     */
    private static void awaitScheduledTime(long dueNanos) {
        long waitNanos;
        while ((waitNanos = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(waitNanos);
        }
    }
}
