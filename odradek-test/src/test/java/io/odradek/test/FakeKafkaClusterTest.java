package io.odradek.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.odradek.api.BrokerErrorException;
import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordFuture;
import io.odradek.api.RecordMetadata;
import io.odradek.api.RecordTooLargeException;
import io.odradek.api.RetriableException;
import io.odradek.api.Serializers;
import io.odradek.api.TimeoutException;

class FakeKafkaClusterTest {
    private final FakeKafkaCluster cluster = FakeKafkaCluster.withBrokers(2).createTopic("orders", 2);

    /** What the callbacks were told, in the order they were told it. */
    private final List<String> outcomes = new ArrayList<>();
    private final List<Exception> failures = new ArrayList<>();

    @AfterEach
    void closeCluster() {
        cluster.close();
    }

    private Producer<String, String> producer(Consumer<ProducerConfig.Builder> settings) {
        return cluster.newProducer(Serializers.string(), Serializers.string(), settings);
    }

    private RecordFuture send(Producer<String, String> producer, int partition, String value) {
        return producer.send(new ProducerRecord<>("orders", partition, null, value), (metadata, error) -> {
            if (error == null) {
                outcomes.add(value + "@" + metadata.offset());
            } else {
                outcomes.add(value + " failed");
                failures.add(error);
            }
        });
    }

    private static List<String> values(List<StoredRecord> records) {
        return records.stream().map(StoredRecord::valueAsString).toList();
    }

    @Test
    void retriesARetriableErrorAndDeliversTheRecordsInOrder() {
        Producer<String, String> producer = producer(config -> config.retryBackoff(Duration.ofMillis(50)));
        cluster.failNextProduce("orders", 0, BrokerError.NOT_LEADER_OR_FOLLOWER, 2);

        send(producer, 0, "a");
        send(producer, 0, "b");
        send(producer, 0, "c");
        cluster.awaitUntil(() -> outcomes.size() == 3);

        assertThat(outcomes).containsExactly("a@0", "b@1", "c@2");
        assertThat(values(cluster.records("orders", 0))).containsExactly("a", "b", "c");
        assertThat(cluster.produceAttempts("orders", 0)).as("two refusals, then the write").isEqualTo(3);
        assertThat(cluster.elapsed()).as("two backoffs passed").isGreaterThanOrEqualTo(Duration.ofMillis(2 * 40));
    }

    @Test
    void aNonRetriableErrorReachesTheCallbackAtOnceWithTheBrokersError() {
        Producer<String, String> producer = producer(config -> { });
        cluster.failNextProduce("orders", 1, BrokerError.TOPIC_AUTHORIZATION_FAILED, 1);

        send(producer, 1, "refused");
        cluster.awaitUntil(() -> outcomes.size() == 1);

        assertThat(failures).singleElement().isInstanceOf(BrokerErrorException.class)
                .isNotInstanceOf(RetriableException.class)
                .satisfies(error -> assertThat(((BrokerErrorException) error).errorName())
                        .isEqualTo("TOPIC_AUTHORIZATION_FAILED"));
        assertThat(cluster.produceAttempts("orders", 1)).as("not retried").isEqualTo(1);
        assertThat(cluster.records("orders", 1)).isEmpty();
    }

    @Test
    void aBatchTooLargeForTheTopicFailsWithRecordTooLarge() {
        Producer<String, String> producer = producer(config -> { });
        cluster.failNextProduce("orders", 0, BrokerError.MESSAGE_TOO_LARGE, 1);

        RecordFuture sent = send(producer, 0, "big");
        cluster.awaitUntil(sent::isDone);

        assertThat(failures).singleElement().isInstanceOf(RecordTooLargeException.class);
    }

    @Test
    void lostAnswersEndInATimeoutOnceDeliveryTimeoutPasses() {
        Producer<String, String> producer = producer(config -> config.requestTimeout(Duration.ofSeconds(2))
                .deliveryTimeout(Duration.ofSeconds(5)));
        cluster.loseNextProduceAnswers(cluster.leaderOf("orders", 0), Integer.MAX_VALUE);

        RecordFuture sent = send(producer, 0, "unanswered");
        cluster.awaitUntil(sent::isDone);

        assertThat(failures).singleElement().isInstanceOf(TimeoutException.class);
        assertThat(cluster.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(cluster.produceAttempts("orders", 0)).as("sent again after each request timeout")
                .isGreaterThanOrEqualTo(2);
        assertThat(values(cluster.records("orders", 0))).as("written once, though the producer never heard so")
                .containsExactly("unanswered");
    }

    @Test
    void anIdempotentProducerResendsALostBatchWithoutWritingItTwice() {
        Producer<String, String> producer = producer(config -> config.idempotence(true)
                .requestTimeout(Duration.ofSeconds(2)));
        cluster.loseNextProduceAnswers(cluster.leaderOf("orders", 0), 1);

        send(producer, 0, "once");
        cluster.awaitUntil(() -> outcomes.size() == 1);

        assertThat(outcomes).containsExactly("once@0");
        assertThat(cluster.produceAttempts("orders", 0)).isEqualTo(2);
        assertThat(values(cluster.records("orders", 0))).containsExactly("once");
    }

    /** The counterpart of the test above: without idempotence the same lost answer does write the record twice. */
    @Test
    void aProducerWithoutIdempotenceWritesALostBatchTwice() {
        Producer<String, String> producer = producer(config -> config.idempotence(false)
                .requestTimeout(Duration.ofSeconds(2)));
        cluster.loseNextProduceAnswers(cluster.leaderOf("orders", 0), 1);

        send(producer, 0, "twice");
        cluster.awaitUntil(() -> outcomes.size() == 1);

        assertThat(values(cluster.records("orders", 0))).containsExactly("twice", "twice");
    }

    @Test
    void recordsForAnUnreachableBrokerWaitUntilItIsBack() {
        Producer<String, String> producer = producer(config -> { });
        int leader = cluster.leaderOf("orders", 1);
        cluster.makeUnreachable(leader);

        send(producer, 1, "patient");
        cluster.advance(Duration.ofSeconds(10));
        assertThat(outcomes).isEmpty();
        assertThat(cluster.records("orders", 1)).isEmpty();

        cluster.makeReachable(leader);
        cluster.awaitUntil(() -> outcomes.size() == 1);

        assertThat(outcomes).containsExactly("patient@0");
    }

    @Test
    void recordsFollowTheLeaderWhenItMoves() {
        Producer<String, String> producer = producer(config -> { });
        send(producer, 0, "before");
        cluster.awaitUntil(() -> outcomes.size() == 1);

        cluster.moveLeader("orders", 0, 1);
        send(producer, 0, "after");
        cluster.awaitUntil(() -> outcomes.size() == 2);

        assertThat(cluster.leaderOf("orders", 0)).isEqualTo(1);
        assertThat(outcomes).containsExactly("before@0", "after@1");
    }

    @Test
    void flushAndCloseDriveTheClusterThemselves() {
        Producer<String, String> producer = producer(config -> config.linger(Duration.ofSeconds(1)));
        send(producer, 0, "flushed");

        producer.flush();

        assertThat(outcomes).containsExactly("flushed@0");
        producer.close();
        assertThatThrownBy(() -> producer.send(new ProducerRecord<>("orders", "late"))).isInstanceOf(RuntimeException.class);
    }

    @Test
    void callBlockingRunsCodeThatWaitsOnAFuture() throws Exception {
        Producer<String, String> producer = producer(config -> { });
        cluster.failNextProduce("orders", 0, BrokerError.REQUEST_TIMED_OUT, 1);

        RecordMetadata metadata = cluster.callBlocking(() -> producer.send(new ProducerRecord<>("orders", 0, "k", "v"))
                .get());

        assertThat(metadata.offset()).isZero();
        assertThat(cluster.records("orders", 0)).singleElement().satisfies(record -> {
            assertThat(record.keyAsString()).isEqualTo("k");
            assertThat(record.valueAsString()).isEqualTo("v");
        });
    }

    @Test
    void callBlockingThrowsWhatTheCodeThrew() {
        Producer<String, String> producer = producer(config -> { });
        cluster.failNextProduce("orders", 0, BrokerError.INVALID_RECORD, 1);

        assertThatThrownBy(() -> cluster.callBlocking(() -> producer.send(new ProducerRecord<>("orders", 0, "k", "v"))
                .get()))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(BrokerErrorException.class);
    }

    @Test
    void awaitUntilFailsWhenTheConditionNeverHolds() {
        assertThatThrownBy(() -> cluster.awaitUntil(() -> false, Duration.ofSeconds(3)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("PT3S");
        assertThat(cluster.elapsed()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void refusesFaultsForTopicsAndBrokersItDoesNotHave() {
        assertThatThrownBy(() -> cluster.failNextProduce("payments", 0, BrokerError.NOT_LEADER_OR_FOLLOWER, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payments");
        assertThatThrownBy(() -> cluster.failNextProduce("orders", 2, BrokerError.NOT_LEADER_OR_FOLLOWER, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cluster.makeUnreachable(2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void brokerErrorsCarryKafkasCodesAndRetriability() {
        assertThat(BrokerError.NOT_LEADER_OR_FOLLOWER.code()).isEqualTo((short) 6);
        assertThat(BrokerError.NOT_LEADER_OR_FOLLOWER.retriable()).isTrue();
        assertThat(BrokerError.NOT_ENOUGH_REPLICAS.retriable()).isTrue();
        assertThat(BrokerError.TOPIC_AUTHORIZATION_FAILED.retriable()).isFalse();
        assertThat(BrokerError.MESSAGE_TOO_LARGE.retriable()).isFalse();
    }
}
