package io.odradek.domain.protocol;

import java.util.List;

/** Brokers and topic partitions with their leaders. */
public record MetadataResponse(List<Broker> brokers, String clusterId, int controllerId,
                               List<TopicMetadata> topics, int throttleTimeMs) implements Response {

    public record Broker(int nodeId, String host, int port, String rack) {
    }

    public record TopicMetadata(short errorCode, String name, List<PartitionMetadata> partitions) {
    }

    /** @param leaderId -1 when the partition has no leader; @param leaderEpoch -1 when unknown */
    public record PartitionMetadata(short errorCode, int partition, int leaderId, int leaderEpoch) {
    }
}
