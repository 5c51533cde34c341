package io.odradek.kafka;

import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;

import io.odradek.api.RecordToPartition;
import io.odradek.api.TopicPartitions;

/**
 * A Kafka {@link Partitioner} as Odradek's. Its {@link Cluster} is made from the topic's view and kept for as
 * long as the producer hands the same view (until the next metadata update), so a partitioner that looks at
 * the cluster costs no allocation per record beyond Kafka's own.
 */
final class KafkaPartitioner implements io.odradek.api.Partitioner {
    private final Partitioner partitioner;
    private volatile CachedCluster cached;

    private record CachedCluster(TopicPartitions view, Cluster cluster) {
    }

    KafkaPartitioner(Partitioner partitioner) {
        this.partitioner = partitioner;
    }

    @Override
    public int partition(RecordToPartition record, TopicPartitions partitions) {
        return partitioner.partition(record.topic(), record.key(), record.keyBytes(), record.value(),
                record.valueBytes(), cluster(partitions));
    }

    private Cluster cluster(TopicPartitions view) {
        CachedCluster current = cached;
        if (current == null || current.view() != view) {
            current = new CachedCluster(view, KafkaClusters.of(view));
            cached = current;
        }
        return current.cluster();
    }

    @Override
    public void close() {
        partitioner.close();
    }

    @Override
    public String toString() {
        return partitioner.getClass().getName();
    }
}
