package io.odradek.domain.transaction;

import java.util.Map;

import io.odradek.api.ConsumerGroupMetadata;
import io.odradek.api.OffsetAndMetadata;
import io.odradek.api.TopicPartition;

/**
 * What the producer's transactional calls reach: {@link Transactions} with a {@code transactional.id},
 * {@link NoTransactions} without. Chosen once from the configuration; the producer never asks which it has.
 */
public interface TransactionSupport {

    void initTransactions();

    void beginTransaction();

    void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group);

    void commitTransaction();

    void abortTransaction();

    /**
     * Whether a record to {@code topic} may be sent now: null if it may, else the error to fail it with (the
     * transaction must be aborted, the producer cannot go on).
     *
     * @throws IllegalStateException no transaction is open
     */
    RuntimeException checkSend(String topic);

    /** On close: aborts an open transaction without waiting; false if there is none. */
    boolean abortOnClose();

    /** Whether an application call is still being carried out (close waits for it). */
    boolean hasPendingOperation();
}
