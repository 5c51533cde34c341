package io.odradek.api;

import java.util.Map;

/**
 * Chooses the partition of a record that names none. Plug one in with {@code partitioner.class} or
 * {@link ProducerConfig.Builder#partitioner(Partitioner)}.
 *
 * <p>Without one, Odradek does what Kafka's producer does: murmur2 of the key bytes for keyed records
 * (the same partition Kafka's Java producer picks) and a sticky partition for null keys, switched once a
 * batch's worth of bytes went to it (KIP-794).
 */
public interface Partitioner extends AutoCloseable {

    /**
     * @param keyBytes       the serialized key, or null
     * @param partitionCount how many partitions the topic has, at least 1
     * @return a partition in {@code [0, partitionCount)}
     */
    int partition(String topic, Object key, byte[] keyBytes, int partitionCount);

    /** Receives the producer's configuration as Kafka-style keys, once, before first use. */
    default void configure(Map<String, ?> configs) {
    }

    @Override
    default void close() {
    }
}
