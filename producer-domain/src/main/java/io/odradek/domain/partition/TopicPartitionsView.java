package io.odradek.domain.partition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.odradek.api.Broker;
import io.odradek.api.PartitionInfo;
import io.odradek.api.TopicPartitions;
import io.odradek.domain.metadata.Node;
import io.odradek.domain.metadata.TopicInfo;

/**
 * The API's read-only view of one topic, made from one metadata snapshot: immutable, so partitioners and
 * {@code partitionsFor} callers on any thread see one consistent picture. A partition is available when its
 * leader is known and the snapshot names that broker, as Kafka's {@code Cluster} decides.
 */
public final class TopicPartitionsView implements TopicPartitions {
    private final TopicInfo source;
    private final List<PartitionInfo> partitions;
    private final List<PartitionInfo> available;

    public TopicPartitionsView(TopicInfo source, Map<Integer, Node> nodes) {
        this.source = source;
        List<PartitionInfo> all = new ArrayList<>(source.partitionCount());
        List<PartitionInfo> withLeader = new ArrayList<>(source.partitionCount());
        for (int p = 0; p < source.partitionCount(); p++) {
            Node leader = nodes.get(source.leaderOf(p));
            PartitionInfo info = new PartitionInfo(source.name(), p,
                    Optional.ofNullable(leader).map(node -> new Broker(node.id(), node.host(), node.port())));
            all.add(info);
            if (info.isAvailable()) {
                withLeader.add(info);
            }
        }
        this.partitions = Collections.unmodifiableList(all);
        this.available = Collections.unmodifiableList(withLeader);
    }

    /** The metadata this view was made from; a view is current while the metadata still holds this instance. */
    TopicInfo source() {
        return source;
    }

    @Override
    public String topic() {
        return source.name();
    }

    @Override
    public int partitionCount() {
        return source.partitionCount();
    }

    @Override
    public boolean isAvailable(int partition) {
        return partition >= 0 && partition < partitions.size() && partitions.get(partition).isAvailable();
    }

    @Override
    public List<PartitionInfo> partitions() {
        return partitions;
    }

    @Override
    public List<PartitionInfo> availablePartitions() {
        return available;
    }

    @Override
    public String toString() {
        return "TopicPartitions(" + topic() + ": " + partitions.size() + " partitions, " + available.size()
                + " with a leader)";
    }
}
