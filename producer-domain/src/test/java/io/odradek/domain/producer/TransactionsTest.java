package io.odradek.domain.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.odradek.api.ConsumerGroupMetadata;
import io.odradek.api.OffsetAndMetadata;
import io.odradek.api.ProducerFencedException;
import io.odradek.api.RecordFuture;
import io.odradek.api.TopicPartition;
import io.odradek.api.TransactionAbortableException;
import io.odradek.api.TransactionAbortedException;
import io.odradek.domain.protocol.ApiKey;
import io.odradek.domain.protocol.KafkaError;
import io.odradek.domain.fake.FakeBroker;
import io.odradek.domain.testkit.Futures;
import io.odradek.domain.fake.PartitionLog;
import io.odradek.domain.testkit.ProducerRig;

/**
 * Transactions on the fake cluster, with transactions v1 (AddPartitionsToTxn, client-side epoch bumps) and v2
 * (KIP-890: Produce adds partitions, every EndTxn bumps the epoch): what read_committed readers see after commit and
 * abort, offsets committed with the transaction, fencing, every coordinator error class, and illegal calls.
 */
class TransactionsTest {
    private static final Duration STEP = Duration.ofMillis(5);
    private ProducerRig rig;
    private FakeBroker broker;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    private void start(boolean v2) {
        broker = new FakeBroker(3).createTopic("t", 3).createTopic("u", 2);
        broker.coordinator().transactionsV2(v2);
        rig = ProducerRig.start(broker, b -> b.transactionalId("tx-1").linger(Duration.ofMillis(5))
                .maxBlock(Duration.ofSeconds(5)));
    }

    /** Runs a blocking transactional call while the fake network is driven. */
    private void call(Runnable transactional) {
        rig.driveWhile(transactional, STEP);
    }

    private Throwable callFailing(Runnable transactional) {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        rig.driveWhile(() -> {
            try {
                transactional.run();
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        }, STEP);
        assertThat(thrown.get()).as("the call failed").isNotNull();
        return thrown.get();
    }

    private List<String> committed(String topic, int partition) {
        return broker.partition(topic, partition).committedRecords().stream().map(PartitionLog.StoredRecord::value)
                .toList();
    }

    private List<String> everything(String topic, int partition) {
        return rig.values(topic, partition);
    }

    @ParameterizedTest(name = "v2={0}")
    @ValueSource(booleans = {false, true})
    void aCommittedTransactionIsVisibleAcrossPartitionsAndTopicsAllAtOnce(boolean v2) {
        start(v2);
        call(rig.producer::initTransactions);
        rig.producer.beginTransaction();
        List<RecordFuture> futures = List.of(rig.send("t", 0, "k", "t0"), rig.send("t", 2, "k", "t2"),
                rig.send("u", 1, "k", "u1"));
        rig.advanceUntil(() -> futures.stream().allMatch(RecordFuture::isDone), STEP, Duration.ofSeconds(10));

        assertThat(everything("t", 0)).containsExactly("t0");
        assertThat(committed("t", 0)).as("before the commit").isEmpty();
        call(rig.producer::commitTransaction);

        assertThat(committed("t", 0)).containsExactly("t0");
        assertThat(committed("t", 2)).containsExactly("t2");
        assertThat(committed("u", 1)).containsExactly("u1");
        assertThat(broker.coordinator().requests().contains(ApiKey.ADD_PARTITIONS_TO_TXN))
                .as("partitions added explicitly only with v1").isEqualTo(!v2);
    }

    @ParameterizedTest(name = "v2={0}")
    @ValueSource(booleans = {false, true})
    void anAbortedTransactionNeverBecomesVisibleAndItsUnsentRecordsFail(boolean v2) {
        start(v2);
        call(rig.producer::initTransactions);
        rig.producer.beginTransaction();
        RecordFuture sent = rig.send("t", 0, "k", "sent");
        rig.advanceUntil(sent::isDone, STEP, Duration.ofSeconds(10));
        broker.setDown(1, true);
        rig.network.disconnectNode(1);
        RecordFuture unsent = rig.send("t", 1, "k", "unsent");
        call(rig.producer::abortTransaction);

        assertThat(Futures.errorOf(unsent)).isInstanceOf(TransactionAbortedException.class);
        assertThat(everything("t", 0)).containsExactly("sent");
        assertThat(committed("t", 0)).isEmpty();
        broker.setDown(1, false);
        rig.producer.beginTransaction();
        RecordFuture next = rig.send("t", 0, "k", "next");
        call(rig.producer::commitTransaction);
        assertThat(next.join().partition()).isZero();
        assertThat(committed("t", 0)).containsExactly("next");
    }

    @ParameterizedTest(name = "v2={0}")
    @ValueSource(booleans = {false, true})
    void offsetsSentToTheTransactionAreCommittedOnlyWithIt(boolean v2) {
        start(v2);
        ConsumerGroupMetadata group = new ConsumerGroupMetadata("readers");
        call(rig.producer::initTransactions);
        rig.producer.beginTransaction();
        rig.send("t", 0, "k", "out");
        call(() -> rig.producer.sendOffsetsToTransaction(Map.of(new TopicPartition("in", 0), new OffsetAndMetadata(42)),
                group));
        call(rig.producer::abortTransaction);
        assertThat(broker.coordinator().committedOffsets("readers")).isEmpty();

        rig.producer.beginTransaction();
        rig.send("t", 0, "k", "out-again");
        call(() -> rig.producer.sendOffsetsToTransaction(Map.of(new TopicPartition("in", 0), new OffsetAndMetadata(42)),
                group));
        call(rig.producer::commitTransaction);
        assertThat(broker.coordinator().committedOffsets("readers"))
                .containsEntry(new io.odradek.domain.TopicPartition("in", 0), 42L);
        assertThat(committed("t", 0)).containsExactly("out-again");
    }

    @ParameterizedTest(name = "v2={0}")
    @ValueSource(booleans = {false, true})
    void aSecondProducerWithTheSameIdFencesTheFirstWhoseOpenTransactionNeverShows(boolean v2) {
        start(v2);
        call(rig.producer::initTransactions);
        rig.producer.beginTransaction();
        RecordFuture zombie = rig.send("t", 0, "k", "zombie");
        rig.advanceUntil(zombie::isDone, STEP, Duration.ofSeconds(10));
        // A newer instance registers the same transactional.id: the coordinator bumps the epoch and aborts.
        broker.coordinator().expire("tx-1");

        Throwable error = callFailing(rig.producer::commitTransaction);

        assertThat(error).isInstanceOf(ProducerFencedException.class).hasMessageContaining("tx-1");
        assertThat(committed("t", 0)).isEmpty();
        assertThatThrownBy(rig.producer::beginTransaction).isInstanceOf(ProducerFencedException.class);
        assertThat(Futures.errorOf(rig.send("t", 0, "k", "after"))).isInstanceOf(ProducerFencedException.class);
    }

    @ParameterizedTest(name = "v2={0}")
    @ValueSource(booleans = {false, true})
    void aFailedRecordMakesTheCommitAbortableAndAfterTheAbortTheProducerGoesOn(boolean v2) {
        start(v2);
        call(rig.producer::initTransactions);
        rig.producer.beginTransaction();
        broker.failNextProduce("t", 0, KafkaError.INVALID_RECORD, 1);
        RecordFuture bad = rig.send("t", 0, "k", "bad");
        RecordFuture good = rig.send("t", 1, "k", "good");

        Throwable error = callFailing(rig.producer::commitTransaction);
        assertThat(error).isInstanceOf(TransactionAbortableException.class).hasMessageContaining("INVALID_RECORD");
        assertThat(Futures.errorOf(bad)).hasMessageContaining("INVALID_RECORD");
        assertThatThrownBy(rig.producer::commitTransaction).isInstanceOf(TransactionAbortableException.class);
        call(rig.producer::abortTransaction);
        assertThat(committed("t", 1)).as("the good record went down with its transaction").isEmpty();
        assertThat(good.isDone()).isTrue();

        rig.producer.beginTransaction();
        RecordFuture again = rig.send("t", 0, "k", "again");
        call(rig.producer::commitTransaction);
        assertThat(again.join().partition()).isZero();
        assertThat(committed("t", 0)).containsExactly("again");
    }

    @ParameterizedTest(name = "v2={0}")
    @ValueSource(booleans = {false, true})
    void coordinatorMovesAndBusyAnswersAreRetried(boolean v2) {
        start(v2);
        broker.coordinator().failNext(ApiKey.FIND_COORDINATOR, KafkaError.COORDINATOR_NOT_AVAILABLE, 2);
        broker.coordinator().failNext(ApiKey.INIT_PRODUCER_ID, KafkaError.CONCURRENT_TRANSACTIONS, 3);
        call(rig.producer::initTransactions);
        rig.producer.beginTransaction();
        rig.send("t", 0, "k", "a");
        broker.coordinator().failNext(ApiKey.ADD_PARTITIONS_TO_TXN, KafkaError.CONCURRENT_TRANSACTIONS, 2);
        broker.coordinator().moveTo(2);
        broker.coordinator().failNext(ApiKey.END_TXN, KafkaError.COORDINATOR_LOAD_IN_PROGRESS, 1);
        call(rig.producer::commitTransaction);

        assertThat(committed("t", 0)).containsExactly("a");
        assertThat(broker.coordinator().requests().stream().filter(api -> api == ApiKey.FIND_COORDINATOR).count())
                .as("found the coordinator again after it moved").isGreaterThanOrEqualTo(4);
    }

    @ParameterizedTest(name = "v2={0}")
    @ValueSource(booleans = {false, true})
    void aCoordinatorNotYetAvailableIsAskedForAgainAfterTheBackoffNotAtOnce(boolean v2) {
        start(v2);
        broker.coordinator().failNext(ApiKey.INIT_PRODUCER_ID, KafkaError.COORDINATOR_NOT_AVAILABLE, 3);
        long startNs = rig.clock.nanoTime();
        call(rig.producer::initTransactions);

        assertThat(broker.coordinator().requests().stream().filter(api -> api == ApiKey.FIND_COORDINATOR).count())
                .as("looked the coordinator up again after each refusal, and only then").isEqualTo(4);
        assertThat(Duration.ofNanos(rig.clock.nanoTime() - startNs))
                .as("three retry.backoff.ms waits").isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @ParameterizedTest(name = "v2={0}")
    @ValueSource(booleans = {false, true})
    void aRetryBackoffThatIsOverDoesNotKeepTheSenderBusy(boolean v2) {
        start(v2);
        call(rig.producer::initTransactions);
        rig.producer.beginTransaction();
        rig.send("t", 0, "k", "a");
        broker.coordinator().failNext(ApiKey.END_TXN, KafkaError.COORDINATOR_LOAD_IN_PROGRESS, 1);
        call(rig.producer::commitTransaction);
        int spinningBefore = rig.network.spinningPolls();
        rig.advance(Duration.ofSeconds(1));

        // Idle after the commit: the backoff that ended must not stay the sender's next wake-up, which asked the
        // I/O thread to poll again at once, over and over, until the next backoff.
        assertThat(committed("t", 0)).containsExactly("a");
        assertThat(rig.network.spinningPolls() - spinningBefore).as("polls that asked to run again at once").isZero();
    }

    @ParameterizedTest(name = "v2={0}")
    @ValueSource(booleans = {false, true})
    void transactionAbortableFromTheCoordinatorIsAbortedAndTheProducerGoesOn(boolean v2) {
        start(v2);
        call(rig.producer::initTransactions);
        rig.producer.beginTransaction();
        rig.send("t", 0, "k", "a");
        broker.coordinator().failNext(ApiKey.END_TXN, KafkaError.TRANSACTION_ABORTABLE, 1);

        assertThat(callFailing(rig.producer::commitTransaction)).isInstanceOf(TransactionAbortableException.class)
                .hasMessageContaining("TRANSACTION_ABORTABLE");
        call(rig.producer::abortTransaction);
        rig.producer.beginTransaction();
        rig.send("t", 0, "k", "b");
        call(rig.producer::commitTransaction);
        assertThat(committed("t", 0)).containsExactly("b");
    }

    @ParameterizedTest(name = "v2={0}")
    @ValueSource(booleans = {false, true})
    void everyCommitOfTransactionsV2BumpsTheEpochAndV1KeepsIt(boolean v2) {
        start(v2);
        call(rig.producer::initTransactions);
        short first = broker.coordinator().epoch("tx-1");
        for (int i = 0; i < 3; i++) {
            rig.producer.beginTransaction();
            rig.send("t", 0, "k", "v" + i);
            call(rig.producer::commitTransaction);
        }
        assertThat(broker.coordinator().epoch("tx-1")).isEqualTo((short) (v2 ? first + 3 : first));
        assertThat(committed("t", 0)).containsExactly("v0", "v1", "v2");
    }

    @ParameterizedTest(name = "v2={0}")
    @ValueSource(booleans = {false, true})
    void closeDuringATransactionAbortsIt(boolean v2) {
        start(v2);
        call(rig.producer::initTransactions);
        rig.producer.beginTransaction();
        RecordFuture open = rig.send("t", 0, "k", "open");
        rig.advanceUntil(open::isDone, STEP, Duration.ofSeconds(10));
        rig.close();

        assertThat(everything("t", 0)).containsExactly("open");
        assertThat(committed("t", 0)).isEmpty();
        long producerId = broker.log("t", 0).get(0).producerId();
        assertThat(broker.partition("t", 0).hasOpenTransaction(producerId)).as("aborted, not left open").isFalse();
    }

    @ParameterizedTest(name = "v2={0}")
    @ValueSource(booleans = {false, true})
    void aCallTheStateForbidsIsRefusedNamingTheState(boolean v2) {
        start(v2);
        assertThatThrownBy(rig.producer::beginTransaction).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("UNINITIALIZED").hasMessageContaining("initTransactions");
        assertThatThrownBy(() -> rig.send("t", 0, "k", "v")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("UNINITIALIZED");
        call(rig.producer::initTransactions);
        assertThatThrownBy(rig.producer::commitTransaction).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("READY").hasMessageContaining("beginTransaction");
        assertThatThrownBy(rig.producer::initTransactions).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("READY");
        rig.producer.beginTransaction();
        assertThatThrownBy(rig.producer::beginTransaction).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IN_TRANSACTION");
        call(rig.producer::commitTransaction);
    }

    @ParameterizedTest(name = "v2={0}")
    @ValueSource(booleans = {false, true})
    void aCallThatTimesOutCanBeCalledAgainToGoOnWaiting(boolean v2) {
        broker = new FakeBroker(3).createTopic("t", 3);
        broker.coordinator().transactionsV2(v2);
        rig = ProducerRig.start(broker, b -> b.transactionalId("tx-1").maxBlock(Duration.ofMillis(200)));
        broker.coordinator().failNext(ApiKey.INIT_PRODUCER_ID, KafkaError.COORDINATOR_LOAD_IN_PROGRESS, 1_000_000);
        Throwable timedOut = callFailing(rig.producer::initTransactions);
        assertThat(timedOut).isInstanceOf(io.odradek.api.TimeoutException.class).hasMessageContaining("max.block.ms");
        assertThatThrownBy(rig.producer::abortTransaction).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("initTransactions");

        broker.coordinator().clearFailures();
        call(rig.producer::initTransactions);
        rig.producer.beginTransaction();
        rig.send("t", 0, "k", "v");
        call(rig.producer::commitTransaction);
        assertThat(committed("t", 0)).containsExactly("v");
    }

    @ParameterizedTest(name = "v2={0}")
    @ValueSource(booleans = {false, true})
    void aCallThatTimedOutAndFinishedSinceReturnsItsOutcomeWhenCalledAgain(boolean v2) {
        broker = new FakeBroker(3).createTopic("t", 3);
        broker.coordinator().transactionsV2(v2);
        rig = ProducerRig.start(broker, b -> b.transactionalId("tx-1").maxBlock(Duration.ofMillis(200)));
        broker.coordinator().failNext(ApiKey.INIT_PRODUCER_ID, KafkaError.COORDINATOR_LOAD_IN_PROGRESS, 1_000_000);
        assertThat(callFailing(rig.producer::initTransactions)).isInstanceOf(io.odradek.api.TimeoutException.class);

        broker.coordinator().clearFailures();
        // The I/O thread goes on retrying without anyone waiting, and succeeds before the application calls again.
        rig.advance(Duration.ofSeconds(5));
        rig.runUntilIdle();
        call(rig.producer::initTransactions);

        rig.producer.beginTransaction();
        rig.send("t", 0, "k", "v");
        call(rig.producer::commitTransaction);
        assertThat(committed("t", 0)).containsExactly("v");
    }
}
