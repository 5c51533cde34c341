package io.odradek.domain.protocol;

/** One partition's outcome in an answer about many partitions. */
public record PartitionError(String topic, int partition, short errorCode) {
}
