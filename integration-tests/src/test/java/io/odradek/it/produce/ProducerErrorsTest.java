package io.odradek.it.produce;

import static io.odradek.it.produce.Odradek.ACK_TIMEOUT;
import static io.odradek.it.produce.Odradek.READ_TIMEOUT;
import static io.odradek.it.produce.Odradek.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.odradek.api.RecordFuture;
import io.odradek.api.PartitionInfo;
import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordMetadata;
import io.odradek.api.RecordTooLargeException;
import io.odradek.api.TimeoutException;
import io.odradek.it.KafkaBrokerExtension;
import io.odradek.it.KafkaCluster;
import io.odradek.it.transport.BothTransports;

/** Records that cannot be sent fail alone, with the error Kafka's producer gives, in bounded time. */
@BothTransports
@ExtendWith(KafkaBrokerExtension.class)
class ProducerErrorsTest {

    private static final int PARTITIONS = 6;
    private static final Duration MAX_BLOCK = Duration.ofSeconds(2);

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.odradek.it.transport.Transports#names")
    void recordOverMaxRequestSizeFailsNamingTheSettingWhileTheRecordsAroundItLand(String transport, KafkaCluster kafka)
            throws Exception {
        String topic = kafka.createTopic("too-large", PARTITIONS);
        SentRecord tooLarge;
        try (Producer<byte[], byte[]> producer =
                     Odradek.producer(Odradek.config(kafka, transport).maxRequestSizeBytes(100_000))) {
            SentRecords all = new SentRecords(producer);
            for (int i = 0; i < 50; i++) {
                all.send(new ProducerRecord<>(topic, i % 2, utf8("before-" + i), new byte[1000]));
            }
            tooLarge = all.send(new ProducerRecord<>(topic, 0, utf8("too-large"), new byte[100_001]));
            for (int i = 0; i < 50; i++) {
                all.send(new ProducerRecord<>(topic, i % 2, utf8("after-" + i), new byte[1000]));
            }
            producer.flush();
            assertThat(tooLarge.future()).failsWithin(ACK_TIMEOUT)
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause().isInstanceOf(RecordTooLargeException.class)
                    .withMessageContaining("max.request.size");
            List<SentRecord> others = all.all().stream().filter(r -> r != tooLarge).toList();
            for (SentRecord other : others) {
                assertThat(other.future()).as("send #%d", other.sendIndex()).succeedsWithin(ACK_TIMEOUT);
            }
            ReadBack.assertPartitionsHoldExactly(kafka.readAll(topic, others.size(), READ_TIMEOUT), others);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.odradek.it.transport.Transports#names")
    void recordForAMissingTopicFailsAfterMaxBlockWithATimeoutNamingTheTopic(String transport, KafkaCluster kafka)
            throws Exception {
        String missing = kafka.createTopic("exists", 1).replace("exists", "missing");
        try (Producer<byte[], byte[]> producer =
                     Odradek.producer(Odradek.config(kafka, transport).maxBlock(MAX_BLOCK))) {
            long startNs = System.nanoTime();
            RecordFuture future = producer.send(new ProducerRecord<>(missing, utf8("v")));

            assertThat(future.toCompletableFuture()).failsWithin(ACK_TIMEOUT)
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause().isInstanceOf(TimeoutException.class)
                    .withMessageContaining(missing);
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);
            assertThat(tookMs).as("ms until the send failed").isGreaterThanOrEqualTo(MAX_BLOCK.toMillis() - 50);
        }
        assertThat(kafka.topicExists(missing)).as("auto-created").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.odradek.it.transport.Transports#names")
    void partitionsForAMissingTopicThrowsATimeoutAfterMaxBlock(String transport, KafkaCluster kafka) {
        String missing = kafka.createTopic("exists", 1).replace("exists", "missing");
        try (Producer<byte[], byte[]> producer =
                     Odradek.producer(Odradek.config(kafka, transport).maxBlock(MAX_BLOCK))) {
            assertThatThrownBy(() -> producer.partitionsFor(missing))
                    .isInstanceOf(TimeoutException.class)
                    .hasMessageContaining(missing);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.odradek.it.transport.Transports#names")
    void partitionsForAnExistingTopicListsEveryPartitionWithItsLeader(String transport, KafkaCluster kafka) {
        String topic = kafka.createTopic("partitions-for", PARTITIONS);
        try (Producer<byte[], byte[]> producer =
                     Odradek.producer(Odradek.config(kafka, transport).maxBlock(MAX_BLOCK))) {
            List<PartitionInfo> partitions = producer.partitionsFor(topic);

            assertThat(partitions).extracting(PartitionInfo::partition).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
            assertThat(partitions).allSatisfy(p -> {
                assertThat(p.topic()).isEqualTo(topic);
                assertThat(p.leader()).as("leader of partition %d", p.partition()).isPresent();
                assertThat(kafka.bootstrapServers()).contains(p.leader().orElseThrow().address());
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.odradek.it.transport.Transports#names")
    void recordFailsWithATimeoutAndCloseReturnsWhenNoBrokerListens(String transport) throws Exception {
        Producer<byte[], byte[]> producer = Odradek.producer(ProducerConfig.builder().transport(transport)
                .bootstrapServers("127.0.0.1:" + Odradek.closedPort())
                .maxBlock(Duration.ofMillis(1500)));
        RecordFuture future = producer.send(new ProducerRecord<>("anywhere", utf8("v")));

        assertThat(future.toCompletableFuture()).failsWithin(Duration.ofSeconds(30))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOf(TimeoutException.class);
        assertThat(CompletableFuture.runAsync(producer::close)).succeedsWithin(Duration.ofSeconds(30));
    }
}
