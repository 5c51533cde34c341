package io.odradek.it.faults;

import java.time.Duration;

/**
 * A producer under test, seen only as far as the fault scenarios need: send bytes to a topic and learn each
 * record's outcome. One implementation over Odradek, one over Apache Kafka's producer, so the same workload
 * runs on both.
 */
interface StreamProducer extends AutoCloseable {

    /** Where a record ended up, or why it did not; called exactly once per record. */
    @FunctionalInterface
    interface Completion {
        /** {@code error == null}: acknowledged at {@code offset} of {@code partition}; else failed ({@code offset -1}). */
        void completed(int partition, long offset, Exception error);
    }

    /**
     * Sends a record (a null key lets the producer's partitioner choose). An exception thrown by the producer's
     * own {@code send} is reported through {@code completion} as a failure, not thrown.
     */
    void send(String topic, byte[] key, byte[] value, Completion completion);

    /** Closes, waiting at most {@code timeout} for records not completed yet. */
    void close(Duration timeout);

    @Override
    default void close() {
        close(Duration.ofSeconds(10));
    }
}
