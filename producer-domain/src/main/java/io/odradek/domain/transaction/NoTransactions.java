package io.odradek.domain.transaction;

import java.util.Map;

import io.odradek.api.ConsumerGroupMetadata;
import io.odradek.api.OffsetAndMetadata;
import io.odradek.api.TopicPartition;
import io.odradek.api.config.ProducerKeys;

/** A producer without {@code transactional.id}: every transactional call says which key it needs. */
public final class NoTransactions implements TransactionSupport {

    @Override
    public void initTransactions() {
        throw notTransactional("initTransactions");
    }

    @Override
    public void beginTransaction() {
        throw notTransactional("beginTransaction");
    }

    @Override
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
        throw notTransactional("sendOffsetsToTransaction");
    }

    @Override
    public void commitTransaction() {
        throw notTransactional("commitTransaction");
    }

    @Override
    public void abortTransaction() {
        throw notTransactional("abortTransaction");
    }

    @Override
    public RuntimeException checkSend(String topic) {
        return null;
    }

    @Override
    public boolean abortOnClose() {
        return false;
    }

    @Override
    public boolean hasPendingOperation() {
        return false;
    }

    private static IllegalStateException notTransactional(String method) {
        return new IllegalStateException("Cannot " + method + ": this producer has no " + ProducerKeys.TRANSACTIONAL_ID
                + "; set " + ProducerKeys.TRANSACTIONAL_ID + " to use transactions");
    }
}
