package io.odradek.test;

import java.util.List;

import io.odradek.api.PartitionInfo;
import io.odradek.api.TopicPartitions;

/** A declared topic as a partitioner sees it in {@link MockProducer}: every partition has a leader. */
record MockTopicPartitions(String topic, List<PartitionInfo> partitions) implements TopicPartitions {

    @Override
    public int partitionCount() {
        return partitions.size();
    }

    @Override
    public boolean isAvailable(int partition) {
        return partition >= 0 && partition < partitions.size();
    }

    @Override
    public List<PartitionInfo> availablePartitions() {
        return partitions;
    }
}
