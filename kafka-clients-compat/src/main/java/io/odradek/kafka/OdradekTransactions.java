package io.odradek.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A producer with {@code transactional.id}: Kafka's transactional calls carried out by Odradek's producer, Kafka's
 * types turned into Odradek's on the way in and Odradek's exceptions into Kafka's on the way out (fenced, abortable,
 * timed out), so a consume-transform-produce loop written for {@code KafkaProducer} runs unchanged.
 */
final class OdradekTransactions implements Transactions {
    private final io.odradek.api.Producer<?, ?> producer;

    OdradekTransactions(io.odradek.api.Producer<?, ?> producer) {
        this.producer = producer;
    }

    @Override
    public void initTransactions() {
        run(producer::initTransactions);
    }

    @Override
    public void beginTransaction() {
        run(producer::beginTransaction);
    }

    @Override
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets,
                                         ConsumerGroupMetadata groupMetadata) {
        if (groupMetadata == null) {
            throw new IllegalArgumentException("Consumer group metadata could not be null");
        }
        Map<io.odradek.api.TopicPartition, io.odradek.api.OffsetAndMetadata> ours = new LinkedHashMap<>();
        offsets.forEach((tp, offset) -> ours.put(new io.odradek.api.TopicPartition(tp.topic(), tp.partition()),
                new io.odradek.api.OffsetAndMetadata(offset.offset(), offset.leaderEpoch(), offset.metadata())));
        io.odradek.api.ConsumerGroupMetadata group = new io.odradek.api.ConsumerGroupMetadata(groupMetadata.groupId(),
                groupMetadata.generationId(), groupMetadata.memberId(), groupMetadata.groupInstanceId());
        run(() -> producer.sendOffsetsToTransaction(ours, group));
    }

    @Override
    public void commitTransaction() {
        run(producer::commitTransaction);
    }

    @Override
    public void abortTransaction() {
        run(producer::abortTransaction);
    }

    private static void run(Runnable call) {
        try {
            call.run();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw KafkaExceptions.forCall(e);
        }
    }
}
