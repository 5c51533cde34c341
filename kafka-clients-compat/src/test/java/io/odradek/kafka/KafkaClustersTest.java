package io.odradek.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.odradek.api.Broker;
import io.odradek.api.PartitionInfo;
import io.odradek.api.TopicPartitions;

/** A Kafka Cluster made from Odradek's view of a topic answers what Kafka's partitioners ask of it. */
class KafkaClustersTest {

    private static final Broker ONE = new Broker(1, "broker-1", 9092);
    private static final Broker TWO = new Broker(2, "broker-2", 9093);

    private static final TopicPartitions ORDERS = new TopicPartitions() {
        private final List<PartitionInfo> partitions = List.of(
                new PartitionInfo("orders", 0, Optional.of(ONE)),
                new PartitionInfo("orders", 1, Optional.empty()),
                new PartitionInfo("orders", 2, Optional.of(TWO)));

        @Override
        public String topic() {
            return "orders";
        }

        @Override
        public int partitionCount() {
            return 3;
        }

        @Override
        public boolean isAvailable(int partition) {
            return partition != 1;
        }

        @Override
        public List<PartitionInfo> partitions() {
            return partitions;
        }

        @Override
        public List<PartitionInfo> availablePartitions() {
            return List.of(partitions.get(0), partitions.get(2));
        }
    };

    @Test
    void answersWhatKafkasPartitionersAsk() {
        Cluster cluster = KafkaClusters.of(ORDERS);

        assertThat(cluster.partitionCountForTopic("orders")).isEqualTo(3);
        assertThat(cluster.partitionsForTopic("orders")).hasSize(3);
        assertThat(cluster.availablePartitionsForTopic("orders"))
                .extracting(org.apache.kafka.common.PartitionInfo::partition).containsExactly(0, 2);
        assertThat(cluster.leaderFor(new TopicPartition("orders", 2))).isEqualTo(new Node(2, "broker-2", 9093));
        assertThat(cluster.leaderFor(new TopicPartition("orders", 1))).isNull();
        assertThat(cluster.nodes()).containsExactlyInAnyOrder(new Node(1, "broker-1", 9092), new Node(2, "broker-2", 9093));
        assertThat(cluster.partitionsForTopic("other")).isEmpty();
    }

    @Test
    void partitionInfosCarryTheLeaderAndNoReplicaLists() {
        List<org.apache.kafka.common.PartitionInfo> infos = KafkaClusters.partitionInfos(ORDERS.partitions());

        assertThat(infos.get(0).leader()).isEqualTo(new Node(1, "broker-1", 9092));
        assertThat(infos.get(1).leader()).isNull();
        assertThat(infos.get(2).replicas()).isEmpty();
        assertThat(infos.get(2).inSyncReplicas()).isEmpty();
    }
}
