package io.odradek.domain.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.odradek.api.RecordFuture;
import io.odradek.api.BrokerErrorException;
import io.odradek.api.Persistence;
import io.odradek.api.RecordMetadata;
import io.odradek.api.RecordTooLargeException;
import io.odradek.api.TimeoutException;
import io.odradek.domain.protocol.KafkaError;
import io.odradek.domain.fake.FakeBroker;
import io.odradek.domain.testkit.Futures;
import io.odradek.domain.testkit.ProducerRig;

/** Retries, idempotence and failures under injected faults, on the fake cluster with a manual clock. */
class ProducerFaultsTest {
    private static final Duration STEP = Duration.ofMillis(5);
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private ProducerRig rig;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    private List<RecordFuture> sendValues(String topic, int partition, int from, int to) {
        List<RecordFuture> futures = new ArrayList<>();
        for (int i = from; i < to; i++) {
            futures.add(rig.send(topic, partition, "k", "v" + i));
        }
        return futures;
    }

    private static List<String> values(int from, int to) {
        List<String> values = new ArrayList<>();
        for (int i = from; i < to; i++) {
            values.add("v" + i);
        }
        return values;
    }

    private void awaitAll(List<RecordFuture> futures) {
        rig.advanceUntil(() -> futures.stream().allMatch(RecordFuture::isDone), STEP, LIMIT);
    }

    @Test
    void retriesRetriableErrorsWithBackoffAndKeepsPartitionOrder() {
        FakeBroker broker = new FakeBroker(1).createTopic("t", 1);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO).idempotence(false)
                .maxInFlightRequestsPerConnection(5).retryBackoff(Duration.ofMillis(100))
                .retryBackoffMax(Duration.ofMillis(100)));
        rig.sendAndWait("t", 0, "k", "warm-up");
        broker.failNextProduce("t", 0, (short) 19 /* NOT_ENOUGH_REPLICAS */, 2);

        List<RecordFuture> futures = sendValues("t", 0, 0, 3);
        rig.runUntilIdle();
        rig.advance(Duration.ofMillis(70));
        assertThat(futures.get(0).toCompletableFuture()).isNotDone();
        awaitAll(futures);

        assertThat(futures).allSatisfy(f -> assertThat(f.toCompletableFuture()).isCompleted());
        List<String> expected = new ArrayList<>(List.of("warm-up"));
        expected.addAll(values(0, 3));
        assertThat(rig.values("t", 0)).containsExactlyElementsOf(expected);
    }

    @Test
    void recordsSentWhileABatchAwaitsItsRetryAreNotLostInIt() {
        FakeBroker broker = new FakeBroker(1).createTopic("t", 1);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO).retryBackoff(Duration.ofMillis(100))
                .retryBackoffMax(Duration.ofMillis(100)));
        rig.sendAndWait("t", 0, "k", "warm-up");
        broker.failNextProduce("t", 0, (short) 19 /* NOT_ENOUGH_REPLICAS */, 1);
        RecordFuture retried = rig.send("t", 0, "k", "retried");
        rig.runUntilIdle();

        RecordFuture later = rig.send("t", 0, "k", "later");
        awaitAll(List.of(retried, later));

        assertThat(rig.values("t", 0)).containsExactly("warm-up", "retried", "later");
        assertThat(later.join().offset()).isEqualTo(2);
    }

    @Test
    void keepsPartitionOrderAfterLeaderMove() {
        FakeBroker broker = new FakeBroker(3).createTopic("t", 1);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO).maxInFlightRequestsPerConnection(5)
                .batchSizeBytes(100));
        rig.send("t", 0, "k", "warm-up");
        rig.advance(Duration.ofMillis(10));
        broker.moveLeader("t", 0, 1);
        rig.network.delayResponses(0, Duration.ofMillis(20));

        List<RecordFuture> futures = sendValues("t", 0, 0, 40);
        awaitAll(futures);

        assertThat(futures).allSatisfy(f -> assertThat(f.toCompletableFuture()).isCompleted());
        List<String> expected = new ArrayList<>(List.of("warm-up"));
        expected.addAll(values(0, 40));
        assertThat(rig.values("t", 0)).containsExactlyElementsOf(expected);
        assertThat(broker.produceAttempts()).anySatisfy(a -> assertThat(a.errorCode())
                .isEqualTo(KafkaError.NOT_LEADER_OR_FOLLOWER));
    }

    @Test
    void noDuplicatesWhenAResponseIsLostAndTheBatchIsRetried() {
        FakeBroker broker = new FakeBroker(1).createTopic("t", 1);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO).requestTimeout(Duration.ofSeconds(5))
                .batchSizeBytes(100));
        rig.sendAndWait("t", 0, "k", "warm-up");
        rig.network.dropNextResponses(0, 1);

        List<RecordFuture> futures = sendValues("t", 0, 0, 10);
        rig.advance(Duration.ofSeconds(1));
        assertThat(futures.get(0).toCompletableFuture()).isNotDone();
        awaitAll(futures);

        assertThat(futures).allSatisfy(f -> assertThat(f.toCompletableFuture()).isCompleted());
        List<String> expected = new ArrayList<>(List.of("warm-up"));
        expected.addAll(values(0, 10));
        assertThat(rig.values("t", 0)).containsExactlyElementsOf(expected);
        assertThat(broker.partition("t", 0).duplicatesAnswered()).isPositive();
        assertThat(futures.stream().map(f -> f.join().offset()).toList())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void expiresBatchesAfterDeliveryTimeout() {
        FakeBroker broker = new FakeBroker(1).createTopic("t", 1);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO).idempotence(false)
                .requestTimeout(Duration.ofSeconds(1)).deliveryTimeout(Duration.ofSeconds(3))
                .retryBackoff(Duration.ofMillis(100)));
        rig.sendAndWait("t", 0, "k", "warm-up");
        broker.failNextProduce("t", 0, KafkaError.NOT_LEADER_OR_FOLLOWER, 1_000);

        RecordFuture future = rig.send("t", 0, "k", "doomed");
        rig.advance(Duration.ofMillis(2_900));
        assertThat(future.toCompletableFuture()).isNotDone();
        rig.advance(Duration.ofMillis(300));

        assertThat(Futures.errorOf(future)).isInstanceOf(TimeoutException.class)
                .hasMessageContaining("delivery.timeout.ms");
        assertThat(rig.values("t", 0)).containsExactly("warm-up");
    }

    @Test
    void bumpsTheEpochLocallyAfterUnknownProducerIdAndRetriesFromSequenceZero() {
        FakeBroker broker = new FakeBroker(1).createTopic("t", 1);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO));
        rig.sendAndWait("t", 0, "k", "a");
        rig.sendAndWait("t", 0, "k", "b");
        broker.forgetProducers("t", 0);

        RecordFuture c = rig.send("t", 0, "k", "c");
        awaitAll(List.of(c));

        assertThat(c.toCompletableFuture()).isCompleted();
        assertThat(rig.values("t", 0)).containsExactly("a", "b", "c");
        // An idempotent producer moves to the next epoch of its own id (KIP-360), no InitProducerId round trip.
        assertThat(broker.initRequests()).hasSize(1);
        long producerId = broker.produceAttempts().get(0).producerId();
        var last = broker.produceAttempts().get(broker.produceAttempts().size() - 1);
        assertThat(last.producerId()).isEqualTo(producerId);
        assertThat(last.epoch()).isEqualTo((short) 1);
        assertThat(last.baseSequence()).isZero();
        assertThat(broker.produceAttempts()).anySatisfy(a -> assertThat(a.errorCode())
                .isEqualTo(KafkaError.UNKNOWN_PRODUCER_ID));
    }

    @Test
    void failsABatchWhoseOutcomeIsUnknownInsteadOfResendingItUnderABumpedEpoch() {
        FakeBroker broker = new FakeBroker(1).createTopic("t", 1);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO).requestTimeout(Duration.ofSeconds(2)));
        rig.sendAndWait("t", 0, "k", "a");
        rig.network.dropNextResponses(0, 1);
        RecordFuture inDoubt = rig.send("t", 0, "k", "b");
        rig.advance(Duration.ofMillis(100));
        // The broker wrote "b" but its answer is lost; then it forgets the producer, so the retry of "b" gets
        // UNKNOWN_PRODUCER_ID and the epoch is bumped. Sent again under the new epoch, "b" would be stored twice.
        broker.forgetProducers("t", 0);
        awaitAll(List.of(inDoubt));

        assertThat(inDoubt.toCompletableFuture()).isCompletedExceptionally();
        assertThatThrownBy(inDoubt::join).hasMessageContaining("outcome is unknown");
        assertThat(Persistence.of(Futures.errorOf(inDoubt))).isEqualTo(Persistence.POSSIBLY_PERSISTED);
        assertThat(rig.values("t", 0)).containsExactly("a", "b");
        RecordFuture after = rig.send("t", 0, "k", "c");
        awaitAll(List.of(after));
        assertThat(after.toCompletableFuture()).isCompleted();
        assertThat(rig.values("t", 0)).containsExactly("a", "b", "c");
    }

    @Test
    void retriesInitProducerIdUntilItSucceeds() {
        FakeBroker broker = new FakeBroker(1).createTopic("t", 1);
        broker.failNextInitProducerId(KafkaError.COORDINATOR_NOT_AVAILABLE, 3);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO));

        RecordFuture future = rig.send("t", 0, "k", "v");
        awaitAll(List.of(future));

        assertThat(future.join().offset()).isZero();
        assertThat(broker.initRequests()).hasSize(4);
    }

    @Test
    void failsRecordWhenBrokerAnswersNonRetriableError() {
        FakeBroker broker = new FakeBroker(1).createTopic("t", 1);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO).idempotence(false));
        rig.sendAndWait("t", 0, "k", "warm-up");
        broker.failNextProduce("t", 0, KafkaError.TOPIC_AUTHORIZATION_FAILED, 1);

        RecordFuture denied = rig.send("t", 0, "k", "denied");
        awaitAll(List.of(denied));
        RecordFuture after = rig.send("t", 0, "k", "after");
        awaitAll(List.of(after));

        assertThat(Futures.errorOf(denied)).isInstanceOf(BrokerErrorException.class)
                .hasMessageContaining("TOPIC_AUTHORIZATION_FAILED");
        assertThat(after.join().offset()).isEqualTo(1);
        assertThat(rig.values("t", 0)).containsExactly("warm-up", "after");
    }

    @Test
    void recordTooLargeFailsOnlyThatRecord() {
        FakeBroker broker = new FakeBroker(1).createTopic("t", 1);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO).maxRequestSizeBytes(1_000));

        RecordFuture small = rig.send("t", 0, "k", "small");
        RecordFuture huge = rig.send("t", 0, "k", "x".repeat(2_000));
        RecordFuture next = rig.send("t", 0, "k", "next");
        awaitAll(List.of(small, huge, next));

        assertThat(Futures.errorOf(huge)).isInstanceOf(RecordTooLargeException.class)
                .hasMessageContaining("max.request.size");
        assertThat(rig.values("t", 0)).containsExactly("small", "next");
    }

    @Test
    void brokerMessageTooLargeFailsThatBatchOnly() {
        FakeBroker broker = new FakeBroker(1).createTopic("t", 1);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO));
        rig.sendAndWait("t", 0, "k", "first");
        broker.failNextProduce("t", 0, KafkaError.MESSAGE_TOO_LARGE, 1);

        RecordFuture rejected = rig.send("t", 0, "k", "rejected");
        awaitAll(List.of(rejected));
        RecordFuture next = rig.send("t", 0, "k", "next");
        awaitAll(List.of(next));

        assertThat(Futures.errorOf(rejected)).isInstanceOf(RecordTooLargeException.class);
        assertThat(next.toCompletableFuture()).isCompleted();
        assertThat(rig.values("t", 0)).containsExactly("first", "next");
    }

    @Test
    void aResponseThatCannotBeDecodedClosesTheConnectionAndTheBatchIsRetriedWithoutDuplicates() {
        FakeBroker broker = new FakeBroker(1).createTopic("t", 1);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO));
        rig.sendAndWait("t", 0, "k", "warm-up");
        int connectsBefore = rig.network.connectsAttempted();
        rig.network.garbleNextResponses(0, 1);

        List<RecordFuture> futures = sendValues("t", 0, 0, 3);
        awaitAll(futures);

        assertThat(futures).allSatisfy(f -> assertThat(f.toCompletableFuture()).isCompleted());
        List<String> expected = new ArrayList<>(List.of("warm-up"));
        expected.addAll(values(0, 3));
        assertThat(rig.values("t", 0)).containsExactlyElementsOf(expected);
        assertThat(rig.network.connectsAttempted()).as("reconnected after closing the broken connection")
                .isGreaterThan(connectsBefore);
    }

    @Test
    void reconnectsAfterADisconnectAndRetriesWhatWasInFlight() {
        FakeBroker broker = new FakeBroker(2).createTopic("t", 2);
        rig = ProducerRig.start(broker, b -> b.linger(Duration.ZERO));
        rig.sendAndWait("t", 1, "k", "warm-up");
        rig.network.delayResponses(1, Duration.ofMillis(50));

        List<RecordFuture> futures = sendValues("t", 1, 0, 5);
        rig.advance(Duration.ofMillis(10));
        rig.network.disconnectNode(1);
        rig.network.delayResponses(1, Duration.ZERO);
        awaitAll(futures);

        assertThat(futures).allSatisfy(f -> assertThat(f.toCompletableFuture()).isCompleted());
        List<String> expected = new ArrayList<>(List.of("warm-up"));
        expected.addAll(values(0, 5));
        assertThat(rig.values("t", 1)).containsExactlyElementsOf(expected);
    }
}
