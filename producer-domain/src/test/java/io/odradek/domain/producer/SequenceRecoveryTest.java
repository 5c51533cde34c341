package io.odradek.domain.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.odradek.api.Persistence;
import io.odradek.api.RecordFuture;
import io.odradek.api.RetriableBrokerErrorException;
import io.odradek.api.TimeoutException;
import io.odradek.domain.protocol.KafkaError;
import io.odradek.domain.fake.FakeBroker;
import io.odradek.domain.testkit.Futures;
import io.odradek.domain.testkit.ProducerRig;

/**
 * How the idempotent producer recovers its sequences after faults, as Kafka's producer does: a retry keeps its
 * original sequence and epoch; one partition's trouble never fails another partition's records; a batch that
 * failed after it may have been written holds its partition's new batches until the outcome is known; retries are
 * counted as Kafka counts them; delivery.timeout.ms bounds a batch in flight too.
 */
class SequenceRecoveryTest {
    private static final Duration STEP = Duration.ofMillis(5);
    private static final Duration LIMIT = Duration.ofMinutes(5);
    private ProducerRig rig;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    private void awaitAll(List<RecordFuture> futures) {
        rig.advanceUntil(() -> futures.stream().allMatch(RecordFuture::isDone), STEP, LIMIT);
    }

    @Test
    void aBatchWhoseAnswerWasLostIsResentWithItsSequenceWhileAnotherPartitionMovesToANewEpoch() {
        FakeBroker broker = new FakeBroker(2).createTopic("t", 2);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO).requestTimeout(Duration.ofSeconds(2)));
        rig.sendAndWait("t", 0, "k", "a0");
        rig.sendAndWait("t", 1, "k", "a1");
        rig.network.dropNextResponses(0, 1);
        RecordFuture lost = rig.send("t", 0, "k", "b0");
        rig.runUntilIdle();
        broker.forgetProducers("t", 1);
        RecordFuture moved = rig.send("t", 1, "k", "b1");
        awaitAll(List.of(lost, moved));

        assertThat(lost.join().partition()).isZero();
        assertThat(moved.join().partition()).isOne();
        assertThat(rig.values("t", 0)).containsExactly("a0", "b0");
        assertThat(rig.values("t", 1)).containsExactly("a1", "b1");
        // Partition 1 moved to epoch 1; partition 0's retry kept epoch 0 and its sequence, which the broker
        // recognised as the batch it already had.
        assertThat(broker.produceAttempts()).filteredOn(a -> a.topicPartition().partition() == 0)
                .extracting(FakeBroker.ProduceAttempt::epoch).containsOnly((short) 0);
        assertThat(broker.partition("t", 0).duplicatesAnswered()).isOne();
        assertThat(broker.produceAttempts()).filteredOn(a -> a.topicPartition().partition() == 1)
                .last().satisfies(a -> assertThat(a.epoch()).isEqualTo((short) 1));
    }

    @Test
    void retriesRunningOutOnOnePartitionFailOnlyItsBatchAndOthersAreStillRetried() {
        FakeBroker broker = new FakeBroker(2).createTopic("t", 2);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO).retries(3)
                .requestTimeout(Duration.ofMillis(1_500)));
        rig.sendAndWait("t", 0, "k", "a0");
        rig.sendAndWait("t", 1, "k", "a1");
        broker.failNextProduceAfterAppend("t", 0, KafkaError.REQUEST_TIMED_OUT, 4);
        rig.network.dropNextResponses(1, 1);
        RecordFuture exhausted = rig.send("t", 0, "k", "b0");
        RecordFuture lost = rig.send("t", 1, "k", "b1");
        awaitAll(List.of(exhausted, lost));
        RecordFuture after = rig.send("t", 0, "k", "c0");
        awaitAll(List.of(after));

        Throwable error = Futures.errorOf(exhausted);
        assertThat(error).isInstanceOf(RetriableBrokerErrorException.class).hasMessageContaining("REQUEST_TIMED_OUT")
                .hasMessageContaining("may be in the log");
        assertThat(Persistence.of(error)).isEqualTo(Persistence.POSSIBLY_PERSISTED);
        assertThat(lost.join().partition()).isOne();
        assertThat(after.join().partition()).isZero();
        // The first attempt of b0 was appended (then timed out); its three retries were recognised as duplicates.
        assertThat(rig.values("t", 0)).containsExactly("a0", "b0", "c0");
        assertThat(rig.values("t", 1)).containsExactly("a1", "b1");
    }

    @Test
    void retriesAreCountedAsKafkaCountsThem() {
        FakeBroker broker = new FakeBroker(1).createTopic("t", 1);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO).retries(3));
        rig.sendAndWait("t", 0, "k", "warm-up");
        broker.failNextProduce("t", 0, KafkaError.NOT_LEADER_OR_FOLLOWER, 100);

        RecordFuture doomed = rig.send("t", 0, "k", "doomed");
        awaitAll(List.of(doomed));

        // retries=3: the first attempt and three retries.
        assertThat(broker.produceAttempts()).hasSize(1 + 4);
        assertThat(Persistence.of(Futures.errorOf(doomed))).isEqualTo(Persistence.NOT_PERSISTED);
    }

    @Test
    void waitingForAConnectionUsesNoAttempt() {
        FakeBroker broker = new FakeBroker(1).createTopic("t", 1);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO).retries(1));
        rig.sendAndWait("t", 0, "k", "warm-up");
        broker.setDown(0, true);
        rig.network.disconnectNode(0);
        RecordFuture waits = rig.send("t", 0, "k", "waits");
        rig.advance(Duration.ofSeconds(20));
        broker.setDown(0, false);
        awaitAll(List.of(waits));

        assertThat(waits.join().offset()).isOne();
    }

    @Test
    void aFailedBatchThatMayBeWrittenHoldsNewBatchesUntilALaterOneProvesItWritten() {
        FakeBroker broker = new FakeBroker(1).createTopic("t", 1);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO).retries(1)
                .maxInFlightRequestsPerConnection(5));
        rig.sendAndWait("t", 0, "k", "warm-up");
        // The leader appends each attempt and answers REQUEST_TIMED_OUT three times: both attempts of "appended"
        // and the first of "behind", whose retry then gets through.
        broker.failNextProduceAfterAppend("t", 0, KafkaError.REQUEST_TIMED_OUT, 3);
        rig.network.delayResponses(0, Duration.ofMillis(10));
        RecordFuture timedOut = rig.send("t", 0, "k", "appended");
        rig.runUntilIdle();
        RecordFuture behind = rig.send("t", 0, "k", "behind");
        awaitAll(List.of(timedOut, behind));
        RecordFuture next = rig.send("t", 0, "k", "next");
        awaitAll(List.of(next));

        assertThat(Persistence.of(Futures.errorOf(timedOut))).isEqualTo(Persistence.POSSIBLY_PERSISTED);
        assertThat(rig.values("t", 0)).containsExactly("warm-up", "appended", "behind", "next");
        // "behind" was acknowledged after "appended", which proves "appended" is in the log: no new epoch needed.
        assertThat(broker.produceAttempts()).extracting(FakeBroker.ProduceAttempt::epoch).containsOnly((short) 0);
    }

    @Test
    void aBatchNeverWrittenThatFailsForGoodMovesItsPartitionToANewEpochWithoutLosingLaterRecords() {
        FakeBroker broker = new FakeBroker(1).createTopic("t", 1);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO).maxInFlightRequestsPerConnection(5));
        rig.sendAndWait("t", 0, "k", "warm-up");
        broker.failNextProduce("t", 0, KafkaError.INVALID_RECORD, 1);
        rig.network.delayResponses(0, Duration.ofMillis(10));
        List<RecordFuture> futures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            futures.add(rig.send("t", 0, "k", "v" + i));
            rig.runUntilIdle();
        }
        awaitAll(futures);

        assertThat(Persistence.of(Futures.errorOf(futures.get(0)))).isEqualTo(Persistence.NOT_PERSISTED);
        assertThat(futures.subList(1, 4)).allSatisfy(f -> assertThat(f.toCompletableFuture()).isCompleted());
        assertThat(rig.values("t", 0)).containsExactly("warm-up", "v1", "v2", "v3");
    }

    @Test
    void deliveryTimeoutBoundsABatchWhoseRequestIsStillUnanswered() {
        FakeBroker broker = new FakeBroker(1).createTopic("t", 1);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO).requestTimeout(Duration.ofSeconds(25))
                .deliveryTimeout(Duration.ofSeconds(30)).retryBackoff(Duration.ofSeconds(10))
                .retryBackoffMax(Duration.ofSeconds(10)));
        rig.sendAndWait("t", 0, "k", "warm-up");
        // The first attempt is refused at once; the retry goes 8 to 12 s later (backoff with jitter) and is answered
        // 24 s after that: the record's delivery.timeout.ms runs out at 30 s, before the retry's request does.
        broker.failNextProduce("t", 0, KafkaError.NOT_LEADER_OR_FOLLOWER, 1);
        RecordFuture slow = rig.send("t", 0, "k", "slow");
        rig.runUntilIdle();
        rig.network.delayResponses(0, Duration.ofSeconds(24));
        rig.advance(Duration.ofMillis(29_900));
        assertThat(slow.isDone()).isFalse();
        rig.advance(Duration.ofMillis(200));
        assertThat(Futures.errorOf(slow)).isInstanceOf(TimeoutException.class)
                .hasMessageContaining("delivery.timeout.ms").hasMessageContaining("may be in the log");
        assertThat(Persistence.of(Futures.errorOf(slow))).isEqualTo(Persistence.POSSIBLY_PERSISTED);
        rig.network.delayResponses(0, Duration.ZERO);
        // The late answer still settles the partition's sequences: the next record goes on under the same epoch.
        RecordFuture next = rig.send("t", 0, "k", "next");
        awaitAll(List.of(next));
        assertThat(rig.values("t", 0)).containsExactly("warm-up", "slow", "next");
        assertThat(broker.produceAttempts()).extracting(FakeBroker.ProduceAttempt::epoch).containsOnly((short) 0);
    }

    @Test
    void aRecordThatExpiresBeforeAnyAttemptIsNotPersisted() {
        FakeBroker broker = new FakeBroker(1).createTopic("t", 1);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO).requestTimeout(Duration.ofSeconds(1))
                .deliveryTimeout(Duration.ofSeconds(2)));
        rig.sendAndWait("t", 0, "k", "warm-up");
        broker.setDown(0, true);
        rig.network.disconnectNode(0);
        RecordFuture stranded = rig.send("t", 0, "k", "stranded");
        awaitAll(List.of(stranded));

        assertThat(Futures.errorOf(stranded)).isInstanceOf(TimeoutException.class)
                .hasMessageContaining("not in the log");
        assertThat(Persistence.of(Futures.errorOf(stranded))).isEqualTo(Persistence.NOT_PERSISTED);
    }
}
