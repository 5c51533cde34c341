package io.odradek.api.plugins;

import java.util.Map;

import io.odradek.api.Partitioner;
import io.odradek.api.RecordToPartition;
import io.odradek.api.TopicPartitions;

/** A partitioner that remembers what {@code configure} received. */
public class RecordingPartitioner implements Partitioner {
    public Map<String, ?> configs;

    @Override
    public int partition(RecordToPartition record, TopicPartitions partitions) {
        return 0;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        this.configs = configs;
    }
}
