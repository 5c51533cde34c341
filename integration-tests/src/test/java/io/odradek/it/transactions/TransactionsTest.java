package io.odradek.it.transactions;

import static io.odradek.it.produce.Odradek.READ_TIMEOUT;
import static io.odradek.it.produce.Odradek.text;
import static io.odradek.it.produce.Odradek.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.odradek.api.FatalProducerException;
import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.ProducerFencedException;
import io.odradek.api.ProducerRecord;
import io.odradek.it.KafkaBrokerExtension;
import io.odradek.it.KafkaCluster;
import io.odradek.it.produce.Odradek;
import io.odradek.it.transport.BothTransports;

/**
 * Transactions against a real broker, read back with Apache Kafka's consumer in {@code read_committed}: committed
 * records appear exactly once, all partitions and topics of a transaction together; aborted ones never; a second
 * producer with the same {@code transactional.id} fences the first; the broker aborts a transaction left open past
 * {@code transaction.timeout.ms}. On the suite's default Kafka 4.x broker this is transactions v2 (KIP-890); with
 * {@code -Dkafka.version=3.9.1}, v1.
 */
@BothTransports
@ExtendWith(KafkaBrokerExtension.class)
class TransactionsTest {

    private static ProducerConfig.Builder transactional(KafkaCluster kafka, String transport, String transactionalId) {
        return Odradek.config(kafka, transport).transactionalId(transactionalId);
    }

    private static String transactionalId(String test) {
        return test + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(record -> text(record.value())).toList();
    }

    private static Map<Integer, List<String>> byPartition(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<Integer, List<String>> partitions = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            partitions.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(text(record.value()));
        }
        return partitions;
    }

    @ParameterizedTest(name = "transport={0}")
    @MethodSource("io.odradek.it.transport.Transports#names")
    void committedTransactionsAppearWholeAndOnceAcrossTopicsAndAbortedOnesNever(String transport, KafkaCluster kafka)
            throws Exception {
        String orders = Odradek.createServingTopic(kafka, "txn-orders-" + transport, 3);
        String audit = Odradek.createServingTopic(kafka, "txn-audit-" + transport, 2);
        try (Producer<byte[], byte[]> producer = Odradek.producer(transactional(kafka, transport,
                transactionalId("visibility")))) {
            producer.initTransactions();
            for (String round : List.of("committed-1", "aborted-2", "committed-3")) {
                producer.beginTransaction();
                for (int p = 0; p < 3; p++) {
                    producer.send(new ProducerRecord<>(orders, p, null, utf8(round + "-p" + p)));
                }
                producer.send(new ProducerRecord<>(audit, 1, null, utf8(round)));
                if (round.startsWith("aborted")) {
                    producer.flush();
                    producer.abortTransaction();
                } else {
                    producer.commitTransaction();
                }
            }
        }

        List<ConsumerRecord<byte[], byte[]>> committedOrders = kafka.readAll(orders, 6, READ_TIMEOUT,
                IsolationLevel.READ_COMMITTED);
        assertThat(byPartition(committedOrders)).isEqualTo(Map.of(
                0, List.of("committed-1-p0", "committed-3-p0"),
                1, List.of("committed-1-p1", "committed-3-p1"),
                2, List.of("committed-1-p2", "committed-3-p2")));
        assertThat(values(kafka.readAll(audit, 2, READ_TIMEOUT, IsolationLevel.READ_COMMITTED)))
                .containsExactly("committed-1", "committed-3");
        // The aborted records were written (and then aborted): a read_uncommitted reader sees them.
        assertThat(values(kafka.readAll(audit, 3, READ_TIMEOUT, IsolationLevel.READ_UNCOMMITTED)))
                .containsExactly("committed-1", "aborted-2", "committed-3");
    }

    @ParameterizedTest(name = "transport={0}")
    @MethodSource("io.odradek.it.transport.Transports#names")
    void theClustersTransactionVersionDecidesTheProtocol(String transport, KafkaCluster kafka) throws Exception {
        String topic = Odradek.createServingTopic(kafka, "txn-version-" + transport, 1);
        TopicPartition partition = new TopicPartition(topic, 0);
        try (Producer<byte[], byte[]> producer = Odradek.producer(transactional(kafka, transport,
                transactionalId("version")))) {
            producer.initTransactions();
            for (int i = 0; i < 3; i++) {
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, 0, null, utf8("v" + i)));
                producer.commitTransaction();
                if (i == 0) {
                    assertThat(TransactionStates.producerEpochs(kafka.bootstrapServers(), partition)).hasSize(1);
                }
            }
            int epochAfterOne = TransactionStates.producerEpochs(kafka.bootstrapServers(), partition).get(0);
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, 0, null, utf8("v3")));
            producer.commitTransaction();
            int epochAfterNext = TransactionStates.producerEpochs(kafka.bootstrapServers(), partition).get(0);

            // Transactions v2 (KIP-890) bump the epoch at every commit; v1 keeps it.
            boolean v2 = TransactionStates.transactionVersion(kafka.bootstrapServers()) >= 2;
            assertThat(epochAfterNext - epochAfterOne).as("epochs a commit moved on, transactions v%s", v2 ? 2 : 1)
                    .isEqualTo(v2 ? 1 : 0);
        }
        assertThat(values(kafka.readAll(topic, 4, READ_TIMEOUT, IsolationLevel.READ_COMMITTED)))
                .containsExactly("v0", "v1", "v2", "v3");
    }

    @ParameterizedTest(name = "transport={0}")
    @MethodSource("io.odradek.it.transport.Transports#names")
    void aSecondProducerWithTheSameIdFencesTheFirstAndNothingOfItsOpenTransactionShows(String transport,
            KafkaCluster kafka) {
        String topic = Odradek.createServingTopic(kafka, "txn-fencing-" + transport, 1);
        String id = transactionalId("fencing");
        try (Producer<byte[], byte[]> zombie = Odradek.producer(transactional(kafka, transport, id));
             Producer<byte[], byte[]> successor = Odradek.producer(transactional(kafka, transport, id))) {
            zombie.initTransactions();
            zombie.beginTransaction();
            zombie.send(new ProducerRecord<>(topic, 0, null, utf8("zombie")));
            zombie.flush();

            successor.initTransactions();
            assertThatThrownBy(zombie::commitTransaction).isInstanceOf(ProducerFencedException.class)
                    .hasMessageContaining(id);
            assertThatThrownBy(zombie::beginTransaction).isInstanceOf(FatalProducerException.class);

            successor.beginTransaction();
            successor.send(new ProducerRecord<>(topic, 0, null, utf8("successor")));
            successor.commitTransaction();
        }
        assertThat(values(kafka.readAll(topic, 1, READ_TIMEOUT, IsolationLevel.READ_COMMITTED)))
                .containsExactly("successor");
    }

    @ParameterizedTest(name = "transport={0}")
    @MethodSource("io.odradek.it.transport.Transports#names")
    void aTransactionLeftOpenPastItsTimeoutIsAbortedByTheBrokerAndNeverShows(String transport, KafkaCluster kafka)
            throws Exception {
        String topic = Odradek.createServingTopic(kafka, "txn-timeout-" + transport, 1);
        String id = transactionalId("timeout");
        try (Producer<byte[], byte[]> producer = Odradek.producer(transactional(kafka, transport, id)
                .set("transaction.timeout.ms", 2_000))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, 0, null, utf8("left-open")));
            producer.flush();
            TransactionStates.awaitAbortedByTheBroker(kafka.bootstrapServers(), id, Duration.ofSeconds(60));

            assertThatThrownBy(producer::commitTransaction).isInstanceOf(FatalProducerException.class);
        }
        try (Producer<byte[], byte[]> next = Odradek.producer(transactional(kafka, transport, id))) {
            next.initTransactions();
            next.beginTransaction();
            next.send(new ProducerRecord<>(topic, 0, null, utf8("after")));
            next.commitTransaction();
        }
        assertThat(values(kafka.readAll(topic, 1, READ_TIMEOUT, IsolationLevel.READ_COMMITTED)))
                .containsExactly("after");
    }
}
