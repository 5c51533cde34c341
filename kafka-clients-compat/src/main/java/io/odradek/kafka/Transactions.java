package io.odradek.kafka;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The transactional half of Kafka's {@code Producer}: {@link OdradekTransactions} with a {@code transactional.id},
 * {@link NoTransactions} without, picked as Kafka's producer picks.
 */
interface Transactions {
    void initTransactions();

    void beginTransaction();

    void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata groupMetadata);

    void commitTransaction();

    void abortTransaction();
}
