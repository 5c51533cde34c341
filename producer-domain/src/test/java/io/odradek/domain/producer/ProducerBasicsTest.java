package io.odradek.domain.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.odradek.api.RecordFuture;
import io.odradek.api.RecordMetadata;
import io.odradek.api.TimeoutException;
import io.odradek.domain.fake.FakeBroker;
import io.odradek.domain.testkit.Futures;
import io.odradek.domain.testkit.ProducerRig;

/** Sending, batching and metadata, on the fake cluster with a manual clock. */
class ProducerBasicsTest {
    private ProducerRig rig;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void sendsRecordsToTheLeaderAndCompletesFuturesWithOffsets() {
        FakeBroker broker = new FakeBroker(3).createTopic("orders", 3);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO));
        List<RecordFuture> futures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            futures.add(rig.send("orders", 2, "k" + i, "v" + i));
        }
        rig.advanceUntil(() -> futures.stream().allMatch(RecordFuture::isDone), Duration.ofMillis(1),
                Duration.ofSeconds(5));

        assertThat(futures).allSatisfy(f -> assertThat(f.toCompletableFuture()).isCompleted());
        assertThat(futures.stream().map(RecordFuture::join).map(RecordMetadata::offset)).containsExactly(0L, 1L,
                2L, 3L);
        assertThat(futures.get(0).join().partition()).isEqualTo(2);
        assertThat(rig.values("orders", 2)).containsExactly("v0", "v1", "v2", "v3");
        assertThat(broker.produceAttempts()).allSatisfy(a -> assertThat(a.nodeId()).isEqualTo(2));
    }

    @Test
    void stickyPartitionerSendsEachBatchAsSoonAsItIsFullAndMovesOnWithoutLeavingOneHalfEmpty() {
        // Each partition on its own node: a ready batch takes along the first batch of every partition its node
        // leads (as in Kafka's producer), which would blur what this test looks at.
        FakeBroker broker = new FakeBroker(3);
        broker.createTopic("t", 3);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ofSeconds(60)).batchSizeBytes(1024));
        rig.sendAndWait("t", 0, "k", "metadata first");
        int attemptsBefore = broker.produceAttempts().size();
        String value = "v".repeat(100);
        List<RecordFuture> futures = new ArrayList<>();

        // 8 of these fit a 1024-byte batch (FakeRecordBatchFormat: 18 bytes of header, 120 per record).
        for (int i = 0; i < 3 * 8 + 2; i++) {
            futures.add(rig.send("t", null, value));
        }
        rig.advance(Duration.ofMillis(50));

        List<FakeBroker.ProduceAttempt> attempts = broker.produceAttempts().subList(attemptsBefore,
                broker.produceAttempts().size());
        assertThat(attempts).hasSize(3).allSatisfy(a -> assertThat(a.recordCount()).isEqualTo(8));
        assertThat(futures.subList(0, 24)).allMatch(RecordFuture::isDone);
        assertThat(futures.subList(24, 26)).noneMatch(RecordFuture::isDone);
    }

    @Test
    void connectsToEveryLeaderOfATopicOnceItsMetadataArrivesBeforeAnyBatchIsReady() {
        FakeBroker broker = new FakeBroker(3);
        broker.createTopic("orders", 3);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ofSeconds(60)));

        RecordFuture lingering = rig.send("orders", 0, "k", "v");
        rig.advance(Duration.ofMillis(100));

        assertThat(rig.network.nodesConnectedTo()).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(broker.produceAttempts()).isEmpty();
        assertThat(lingering.isDone()).isFalse();
    }

    @Test
    void recordsForUnknownTopicWaitInTheAccumulatorUntilMetadataArrives() {
        FakeBroker broker = new FakeBroker(1);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO).maxBlock(Duration.ofSeconds(60)));
        RecordFuture first = rig.send("late", 0, "k", "a");
        RecordFuture second = rig.send("late", 0, "k", "b");
        rig.advance(Duration.ofSeconds(2));
        assertThat(first.toCompletableFuture()).isNotDone();
        assertThat(second.toCompletableFuture()).isNotDone();

        broker.createTopic("late", 1);
        rig.advanceUntil(second::isDone, Duration.ofMillis(10), Duration.ofSeconds(10));

        assertThat(first.join().offset()).isZero();
        assertThat(second.join().offset()).isEqualTo(1);
        assertThat(rig.values("late", 0)).containsExactly("a", "b");
    }

    @Test
    void failsRecordsAfterMaxBlockWhenTopicNeverAppears() {
        rig = ProducerRig.start(new FakeBroker(1), b -> b.maxBlock(Duration.ofSeconds(3)));
        RecordFuture future = rig.send("missing", "k", "v");
        rig.advance(Duration.ofMillis(2_900));
        assertThat(future.toCompletableFuture()).isNotDone();

        rig.advance(Duration.ofMillis(200));

        assertThat(future.toCompletableFuture()).isCompletedExceptionally();
        assertThat(Futures.errorOf(future)).isInstanceOf(TimeoutException.class).hasMessageContaining("missing")
                .hasMessageContaining("max.block.ms");
    }

    @Test
    void lingersUntilLingerMsThenSends() {
        FakeBroker broker = new FakeBroker(1).createTopic("t", 1);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ofMillis(50)));
        rig.send("t", 0, "k", "warm-up");
        rig.advance(Duration.ofMillis(100));
        int attemptsBefore = broker.produceAttempts().size();

        RecordFuture a = rig.send("t", 0, "k", "a");
        rig.advance(Duration.ofMillis(20));
        RecordFuture b = rig.send("t", 0, "k", "b");
        rig.advance(Duration.ofMillis(29));
        assertThat(broker.produceAttempts()).hasSize(attemptsBefore);
        assertThat(a.toCompletableFuture()).isNotDone();

        rig.advance(Duration.ofMillis(2));

        assertThat(broker.produceAttempts()).hasSize(attemptsBefore + 1);
        assertThat(broker.produceAttempts().get(attemptsBefore).recordCount()).isEqualTo(2);
        assertThat(a.join().offset()).isEqualTo(1);
        assertThat(b.join().offset()).isEqualTo(2);
    }

    @Test
    void sendsAFullBatchWithoutWaitingForLinger() {
        FakeBroker broker = new FakeBroker(1).createTopic("t", 1);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ofSeconds(10)).batchSizeBytes(200));
        rig.send("t", 0, "k", "warm-up");
        rig.advance(Duration.ofSeconds(11));
        int attemptsBefore = broker.produceAttempts().size();

        List<RecordFuture> futures = new ArrayList<>();
        String value = "x".repeat(40);
        for (int i = 0; i < 6; i++) {
            futures.add(rig.send("t", 0, "k", value));
        }
        rig.runUntilIdle();

        assertThat(broker.produceAttempts().size()).isGreaterThan(attemptsBefore);
        assertThat(futures.get(0).toCompletableFuture()).isCompleted();
        assertThat(futures.get(5).toCompletableFuture()).isNotDone();
    }
}
