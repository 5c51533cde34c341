package io.odradek.kafka;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One Kafka {@link TopicPartition} per partition a producer writes to, reused for the Kafka
 * {@link RecordMetadata} of every record, where making one per record would double the objects an
 * acknowledgement costs. Thread-safe: arrays are replaced, never changed after publication.
 */
final class TopicPartitionCache {
    /** A topic with more partitions than this gets a new TopicPartition per record above it. */
    private static final int MAX_CACHED_PARTITIONS = 4096;
    private final ConcurrentHashMap<String, TopicPartition[]> byTopic = new ConcurrentHashMap<>();

    TopicPartition get(String topic, int partition) {
        if (partition < 0 || partition >= MAX_CACHED_PARTITIONS) {
            return new TopicPartition(topic, partition);
        }
        TopicPartition[] partitions = byTopic.get(topic);
        if (partitions != null && partition < partitions.length && partitions[partition] != null) {
            return partitions[partition];
        }
        return byTopic.compute(topic, (name, current) -> {
            TopicPartition[] grown = current == null ? new TopicPartition[partition + 1]
                    : current.length > partition ? current.clone() : Arrays.copyOf(current, partition + 1);
            if (grown[partition] == null) {
                grown[partition] = new TopicPartition(name, partition);
            }
            return grown;
        })[partition];
    }

    /**
     * Kafka's metadata for an Odradek one. For a failed record both know the topic and perhaps the partition
     * (-1 otherwise), with offset and timestamp -1: what Kafka's callbacks are told too.
     */
    RecordMetadata toKafka(io.odradek.api.RecordMetadata metadata) {
        if (metadata == null) {
            return null;
        }
        return new RecordMetadata(get(metadata.topic(), metadata.partition()), metadata.offset(), 0,
                metadata.timestamp(), metadata.serializedKeySize(), metadata.serializedValueSize());
    }
}
