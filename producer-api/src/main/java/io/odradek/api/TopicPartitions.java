package io.odradek.api;

import java.util.List;

/**
 * A read-only view of one topic's partitions and which of them have a leader now, as of the producer's last
 * metadata response. A {@link Partitioner} receives it with every record; the producer replaces the view
 * (it never changes one) when new metadata arrives, so a partitioner may keep what it computed from a view
 * for as long as it gets the same instance.
 *
 * <pre>{@code
 * // spread records over the partitions that can take them now, as Kafka's RoundRobinPartitioner does
 * List<PartitionInfo> available = partitions.availablePartitions();
 * List<PartitionInfo> candidates = available.isEmpty() ? partitions.partitions() : available;
 * return candidates.get(Math.floorMod(counter.getAndIncrement(), candidates.size())).partition();
 * }</pre>
 */
public interface TopicPartitions {

    String topic();

    /** How many partitions the topic has, at least 1. Partitions are numbered {@code 0 .. count - 1}. */
    int partitionCount();

    /** Whether {@code partition} has a leader now; false for a number outside the topic. */
    boolean isAvailable(int partition);

    /** Every partition, by number; unmodifiable. */
    List<PartitionInfo> partitions();

    /** The partitions that have a leader now, by number; unmodifiable, empty when none has. */
    List<PartitionInfo> availablePartitions();
}
