package io.odradek.kafka;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The transactional half of Kafka's {@code Producer}. Today only {@link NoTransactions} implements it;
 * when Odradek's producer has transactions, a second implementation delegates to them and
 * {@link OdradekKafkaProducer} picks one by {@code transactional.id}, as Kafka's producer does.
 */
interface Transactions {
    void initTransactions();

    void beginTransaction();

    void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata groupMetadata);

    void commitTransaction();

    void abortTransaction();
}
