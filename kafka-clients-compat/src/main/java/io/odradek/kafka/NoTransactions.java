package io.odradek.kafka;

import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A producer without {@code transactional.id}: every transactional method fails exactly as in Kafka's
 * producer (4.1), with the same exception and message, checked in the same order. Kafka tells two cases
 * apart: an idempotent producer has a transaction manager that refuses ("Transactional method invoked on a
 * non-transactional producer."), a producer without idempotence has none ("Cannot use transactional
 * methods ..."); and a closed idempotent producer says so first.
 */
final class NoTransactions implements Transactions {
    static final String NO_TRANSACTION_MANAGER = "Cannot use transactional methods without enabling transactions "
            + "by setting the transactional.id configuration property";
    static final String NOT_TRANSACTIONAL = "Transactional method invoked on a non-transactional producer.";

    private final boolean idempotent;
    private final BooleanSupplier closed;

    NoTransactions(boolean idempotent, BooleanSupplier closed) {
        this.idempotent = idempotent;
        this.closed = closed;
    }

    @Override
    public void initTransactions() {
        refuse();
    }

    @Override
    public void beginTransaction() {
        refuse();
    }

    @Override
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets,
                                         ConsumerGroupMetadata groupMetadata) {
        if (groupMetadata == null) {
            throw new IllegalArgumentException("Consumer group metadata could not be null");
        }
        if (groupMetadata.generationId() > 0 && groupMetadata.memberId().isEmpty()) {
            throw new IllegalArgumentException("Passed in group metadata " + groupMetadata
                    + " has generationId > 0 but the member.id is unknown");
        }
        throwIfNoTransactionManager();
        throwIfClosed();
        // Kafka returns without asking its transaction manager when there are no offsets to send.
        if (!offsets.isEmpty()) {
            throw new IllegalStateException(NOT_TRANSACTIONAL);
        }
    }

    @Override
    public void commitTransaction() {
        refuse();
    }

    @Override
    public void abortTransaction() {
        refuse();
    }

    private void refuse() {
        throwIfNoTransactionManager();
        throwIfClosed();
        throw new IllegalStateException(NOT_TRANSACTIONAL);
    }

    private void throwIfNoTransactionManager() {
        if (!idempotent) {
            throw new IllegalStateException(NO_TRANSACTION_MANAGER);
        }
    }

    private void throwIfClosed() {
        if (closed.getAsBoolean()) {
            throw new IllegalStateException(KafkaExceptions.CLOSED);
        }
    }
}
