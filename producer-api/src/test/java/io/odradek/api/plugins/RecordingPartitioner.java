package io.odradek.api.plugins;

import java.util.Map;

import io.odradek.api.Partitioner;

/** A partitioner that remembers what {@code configure} received. */
public class RecordingPartitioner implements Partitioner {
    public Map<String, ?> configs;

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, int partitionCount) {
        return 0;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        this.configs = configs;
    }
}
