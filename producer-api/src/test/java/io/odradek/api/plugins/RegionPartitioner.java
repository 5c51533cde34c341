package io.odradek.api.plugins;

import java.util.Map;

import io.odradek.api.Partitioner;
import io.odradek.api.RecordToPartition;
import io.odradek.api.TopicPartitions;

/** A plugin with a key of its own, as Kafka users write them: it reads my.partitioner.region. */
public class RegionPartitioner implements Partitioner {
    public Object region;

    @Override
    public void configure(Map<String, ?> configs) {
        region = configs.get("my.partitioner.region");
    }

    @Override
    public int partition(RecordToPartition record, TopicPartitions partitions) {
        return 0;
    }
}
