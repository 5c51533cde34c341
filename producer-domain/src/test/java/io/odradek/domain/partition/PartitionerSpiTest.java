package io.odradek.domain.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.odradek.api.Broker;
import io.odradek.api.PartitionInfo;
import io.odradek.api.Partitioner;
import io.odradek.api.RecordFuture;
import io.odradek.api.RecordMetadata;
import io.odradek.api.RecordToPartition;
import io.odradek.api.TopicPartitions;
import io.odradek.domain.fake.FakeBroker;
import io.odradek.domain.testkit.ProducerRig;

/** What a partitioner is told, and how the built-in one treats partitions without a leader. */
class PartitionerSpiTest {
    private ProducerRig rig;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    /** Remembers each call, and sends every record to the last partition that has a leader. */
    private static final class LastAvailablePartitioner implements Partitioner {
        final List<RecordToPartition> records = new CopyOnWriteArrayList<>();
        final List<TopicPartitions> views = new CopyOnWriteArrayList<>();

        @Override
        public int partition(RecordToPartition record, TopicPartitions partitions) {
            records.add(record);
            views.add(partitions);
            List<PartitionInfo> available = partitions.availablePartitions();
            return available.get(available.size() - 1).partition();
        }
    }

    @Test
    void aPartitionerSeesTheValueItsBytesAndWhichPartitionsHaveALeader() {
        FakeBroker broker = new FakeBroker(3).createTopic("orders", 3);
        broker.moveLeader("orders", 2, -1);
        LastAvailablePartitioner partitioner = new LastAvailablePartitioner();
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO).partitioner(partitioner));

        // The first record waits for metadata and is partitioned on the I/O thread; the second on this one.
        List<RecordFuture> futures = List.of(rig.send("orders", "k1", "v1"), rig.send("orders", "k2", "v2"));
        rig.advanceUntil(() -> futures.stream().allMatch(RecordFuture::isDone), Duration.ofMillis(1),
                Duration.ofSeconds(5));

        assertThat(futures).allSatisfy(f -> assertThat(f.join().partition()).isEqualTo(1));
        assertThat(partitioner.records).extracting(RecordToPartition::topic, RecordToPartition::key,
                RecordToPartition::value).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("orders", "k1", "v1"),
                        org.assertj.core.groups.Tuple.tuple("orders", "k2", "v2"));
        assertThat(partitioner.records.get(0).valueBytes()).isEqualTo("v1".getBytes(StandardCharsets.UTF_8));
        assertThat(partitioner.records.get(1).keyBytes()).isEqualTo("k2".getBytes(StandardCharsets.UTF_8));
        TopicPartitions view = partitioner.views.get(0);
        assertThat(view.topic()).isEqualTo("orders");
        assertThat(view.partitionCount()).isEqualTo(3);
        assertThat(view.isAvailable(0)).isTrue();
        assertThat(view.isAvailable(2)).isFalse();
        assertThat(view.isAvailable(3)).isFalse();
        assertThat(view.availablePartitions()).extracting(PartitionInfo::partition).containsExactly(0, 1);
        assertThat(view.partitions().get(1).leader()).contains(new Broker(1, "node-1", FakeBroker.PORT));
        assertThat(view.partitions().get(2).leader()).isEqualTo(Optional.empty());
        // One metadata snapshot, one view: the partitioner may cache what it derives from it.
        assertThat(partitioner.views.get(1)).isSameAs(view);
    }

    @Test
    void partitionsForShowsLeadersAsBrokers() {
        FakeBroker broker = new FakeBroker(2).createTopic("orders", 2);
        broker.moveLeader("orders", 0, -1);
        rig = ProducerRig.start(broker, b -> { });
        AtomicReference<List<PartitionInfo>> partitions = new AtomicReference<>();
        rig.driveWhile(() -> partitions.set(rig.producer.partitionsFor("orders")), Duration.ofMillis(5));

        assertThat(partitions.get()).containsExactly(
                new PartitionInfo("orders", 0, Optional.empty()),
                new PartitionInfo("orders", 1, Optional.of(new Broker(1, "node-1", FakeBroker.PORT))));
    }

    @Test
    void recordsWithoutAKeyGoOnlyToPartitionsThatHaveALeader() {
        FakeBroker broker = new FakeBroker(4).createTopic("events", 4);
        broker.moveLeader("events", 0, -1);
        broker.moveLeader("events", 2, -1);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO).batchSizeBytes(512));
        List<RecordFuture> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            futures.add(rig.send("events", null, "v".repeat(100)));
        }
        rig.advanceUntil(() -> futures.stream().allMatch(RecordFuture::isDone), Duration.ofMillis(1),
                Duration.ofSeconds(30));

        List<Integer> partitions = futures.stream().map(RecordFuture::join).map(RecordMetadata::partition).toList();
        assertThat(partitions).containsOnly(1, 3);
        // About 40 batches' worth of switches: both partitions with a leader get records.
        assertThat(partitions).contains(1, 3);
    }
}
