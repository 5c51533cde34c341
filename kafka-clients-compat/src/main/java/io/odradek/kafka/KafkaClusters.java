package io.odradek.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;

import io.odradek.api.Broker;
import io.odradek.api.TopicPartitions;

/**
 * Kafka's {@link Cluster} and {@link PartitionInfo} made from what Odradek knows of a topic: its partitions
 * and their leaders. Odradek keeps no replica lists, so replicas and in-sync replicas are empty arrays, and a
 * Cluster made for one topic knows only that topic.
 */
final class KafkaClusters {
    private static final Node[] NO_NODES = new Node[0];

    private KafkaClusters() {
    }

    static Cluster of(TopicPartitions topic) {
        Map<Integer, Node> nodes = new LinkedHashMap<>();
        List<PartitionInfo> partitions = new ArrayList<>(topic.partitionCount());
        for (io.odradek.api.PartitionInfo partition : topic.partitions()) {
            Node leader = partition.leader().map(broker -> nodes.computeIfAbsent(broker.id(), id -> node(broker)))
                    .orElse(null);
            partitions.add(new PartitionInfo(topic.topic(), partition.partition(), leader, NO_NODES, NO_NODES));
        }
        return new Cluster(null, nodes.values(), partitions, Set.of(), Set.of());
    }

    static List<PartitionInfo> partitionInfos(List<io.odradek.api.PartitionInfo> partitions) {
        List<PartitionInfo> infos = new ArrayList<>(partitions.size());
        for (io.odradek.api.PartitionInfo partition : partitions) {
            infos.add(new PartitionInfo(partition.topic(), partition.partition(),
                    partition.leader().map(KafkaClusters::node).orElse(null), NO_NODES, NO_NODES));
        }
        return infos;
    }

    private static Node node(Broker broker) {
        return new Node(broker.id(), broker.host(), broker.port());
    }
}
