package io.odradek.api;

import java.util.Map;

/**
 * Chooses the partition of a record that names none. Plug one in with {@code partitioner.class} (a class
 * with a public no-arg constructor, given its configuration through {@link #configure}) or
 * {@link ProducerConfig.Builder#partitioner(Partitioner)} (an instance, used as it is).
 *
 * <pre>{@code
 * public final class RegionPartitioner implements Partitioner {
 *     private String region;
 *
 *     @Override
 *     public void configure(Map<String, ?> configs) {
 *         region = String.valueOf(configs.get("my.partitioner.region"));  // a key of your own
 *     }
 *
 *     @Override
 *     public int partition(RecordToPartition record, TopicPartitions partitions) {
 *         int hash = Math.floorMod((region + record.key()).hashCode(), partitions.partitionCount());
 *         return partitions.isAvailable(hash) ? hash : partitions.availablePartitions().isEmpty()
 *                 ? hash : partitions.availablePartitions().get(0).partition();
 *     }
 * }
 * }</pre>
 *
 * <p>Without one, Odradek does what Kafka's producer does: murmur2 of the key bytes for keyed records
 * (the same partition Kafka's Java producer picks) and a sticky partition for null keys, switched once a
 * batch's worth of bytes went to it (KIP-794), chosen among the partitions that have a leader.
 *
 * <p>Called on the thread that sends, or on the producer's I/O thread for a record that waited for its
 * topic's metadata: implementations must be thread-safe and quick.
 */
public interface Partitioner extends AutoCloseable {

    /**
     * @param record     the record; its key and value, and their bytes
     * @param partitions the record's topic as the producer knows it now
     * @return a partition in {@code [0, partitions.partitionCount())}; any other number fails the record
     *         with an {@link IllegalArgumentException}
     */
    int partition(RecordToPartition record, TopicPartitions partitions);

    /**
     * Receives the producer's configuration as Kafka-style keys ({@link ProducerConfig#asMap()}), once,
     * before first use, including keys Odradek does not know, which are there for plugins to read.
     */
    default void configure(Map<String, ?> configs) {
    }

    @Override
    default void close() {
    }
}
