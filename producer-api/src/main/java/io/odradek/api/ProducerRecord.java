package io.odradek.api;

import java.util.Objects;

/**
 * A record to send: topic, optional partition, optional timestamp, key, value and headers.
 *
 * @param partition the partition to write to, or {@code null} to let the partitioner choose
 * @param timestamp creation time in epoch milliseconds, or {@code null} for the producer's clock
 */
public record ProducerRecord<K, V>(String topic, Integer partition, Long timestamp, K key, V value,
                                   Headers headers) {

    public ProducerRecord {
        Objects.requireNonNull(topic, "topic must not be null");
        if (topic.isEmpty()) {
            throw new IllegalArgumentException("topic must not be empty");
        }
        if (partition != null && partition < 0) {
            throw new IllegalArgumentException("Invalid partition " + partition + " for topic " + topic
                    + ": partitions are numbered from 0");
        }
        if (timestamp != null && timestamp < 0) {
            throw new IllegalArgumentException("Invalid timestamp " + timestamp + " for topic " + topic
                    + ": timestamps must be non-negative epoch milliseconds");
        }
        headers = headers == null ? Headers.empty() : headers;
    }

    public ProducerRecord(String topic, K key, V value) {
        this(topic, null, null, key, value, null);
    }

    public ProducerRecord(String topic, V value) {
        this(topic, null, null, null, value, null);
    }

    public ProducerRecord(String topic, Integer partition, K key, V value) {
        this(topic, partition, null, key, value, null);
    }

    public ProducerRecord(String topic, Integer partition, K key, V value, Headers headers) {
        this(topic, partition, null, key, value, headers);
    }
}
