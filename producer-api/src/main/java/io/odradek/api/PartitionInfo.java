package io.odradek.api;

/**
 * A partition as the producer last saw it in the cluster's metadata.
 *
 * @param leader the id of the leader broker, or -1 when it has no leader now
 */
public record PartitionInfo(String topic, int partition, int leader) {
}
