package io.odradek.kafka.plugins;

import java.util.Map;

import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;

/** A Kafka partitioner with a key of its own, as Kafka users write them. */
public class RegionPartitioner implements Partitioner {
    public static volatile Map<String, ?> lastConfigs;

    @Override
    public void configure(Map<String, ?> configs) {
        lastConfigs = configs;
        configs.get("my.partitioner.region");
    }

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        return 0;
    }

    @Override
    public void close() {
    }
}
