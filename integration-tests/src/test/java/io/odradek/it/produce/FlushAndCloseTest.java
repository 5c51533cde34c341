package io.odradek.it.produce;

import static io.odradek.it.produce.Odradek.READ_TIMEOUT;
import static io.odradek.it.produce.Odradek.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.odradek.api.RecordFuture;
import io.odradek.api.Producer;
import io.odradek.api.ProducerClosedException;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordMetadata;
import io.odradek.api.TimeoutException;
import io.odradek.it.KafkaBrokerExtension;
import io.odradek.it.KafkaCluster;
import io.odradek.it.transport.BothTransports;

/**
 * flush() and close() finish what was sent before them, and close with a timeout gives up cleanly, on either
 * transport.
 */
@BothTransports
@ExtendWith(KafkaBrokerExtension.class)
class FlushAndCloseTest {

    private static final int PARTITIONS = 6;
    /** Longer than any test: records leave the buffer only because of flush or close. */
    private static final Duration LINGER_FOREVER = Duration.ofSeconds(60);

    @ParameterizedTest(name = "transport={0}")
    @MethodSource("io.odradek.it.transport.Transports#names")
    void everyFutureSentBeforeFlushIsDoneWhenFlushReturns(String transport, KafkaCluster kafka) throws Exception {
        String topic = kafka.createTopic("flush-" + transport, PARTITIONS);
        try (Producer<byte[], byte[]> producer = lingeringProducer(kafka, transport)) {
            SentRecords sent = new SentRecords(producer);
            // The first flush also covers records that waited for the topic's metadata.
            sendKeyed(sent, topic, 0, 1000);
            producer.flush();
            assertThat(sent.all()).allSatisfy(r -> assertThat(r.future().toCompletableFuture()).isCompleted());

            sendKeyed(sent, topic, 1000, 2000);
            producer.flush();
            assertThat(sent.all()).allSatisfy(r -> assertThat(r.future().toCompletableFuture()).isCompleted());

            ReadBack.assertPartitionsHoldExactly(kafka.readAll(topic, 2000, READ_TIMEOUT), sent.all());
        }
    }

    @ParameterizedTest(name = "transport={0}")
    @MethodSource("io.odradek.it.transport.Transports#names")
    void closeSendsTheRecordsStillLingeringInTheBuffer(String transport, KafkaCluster kafka) throws Exception {
        String topic = kafka.createTopic("close-lingering-" + transport, PARTITIONS);
        SentRecords sent;
        try (Producer<byte[], byte[]> producer = lingeringProducer(kafka, transport)) {
            sent = new SentRecords(producer);
            // Metadata first, so the records below sit in batches that only close() sends.
            assertThat(producer.partitionsFor(topic)).hasSize(PARTITIONS);
            sendKeyed(sent, topic, 0, 2000);
            assertThat(sent.all()).anySatisfy(r -> assertThat(r.future()).isNotDone());
        }

        assertThat(sent.all()).allSatisfy(r -> assertThat(r.future().toCompletableFuture()).isCompleted());
        ReadBack.assertPartitionsHoldExactly(kafka.readAll(topic, 2000, READ_TIMEOUT), sent.all());
    }

    @ParameterizedTest(name = "transport={0}")
    @MethodSource("io.odradek.it.transport.Transports#names")
    void closeWithZeroTimeoutCompletesEveryFutureAndWhatSucceededIsStored(String transport, KafkaCluster kafka)
            throws Exception {
        String topic = kafka.createTopic("close-zero-" + transport, PARTITIONS);
        Producer<byte[], byte[]> producer = lingeringProducer(kafka, transport);
        SentRecords sent = new SentRecords(producer);
        assertThat(producer.partitionsFor(topic)).hasSize(PARTITIONS);
        sendKeyed(sent, topic, 0, 1000);

        producer.close(Duration.ZERO);

        List<SentRecord> succeeded = new ArrayList<>();
        for (SentRecord record : sent.all()) {
            assertThat(record.future()).as("future of send #%d", record.sendIndex()).isDone();
            if (record.future().isCompletedExceptionally()) {
                assertThatThrownBy(record.future()::join).isInstanceOf(CompletionException.class)
                        .hasCauseInstanceOf(ProducerClosedException.class);
            } else {
                succeeded.add(record);
            }
        }
        // Whatever was acknowledged is stored where its metadata says (a failed one may be stored too:
        // close aborts batches in flight, whose fate the producer cannot know).
        List<ConsumerRecord<byte[], byte[]>> consumed = kafka.readAll(topic, succeeded.size(), READ_TIMEOUT);
        Map<String, ConsumerRecord<byte[], byte[]>> consumedAt = new HashMap<>();
        consumed.forEach(r -> consumedAt.put(r.partition() + "@" + r.offset(), r));
        for (SentRecord record : succeeded) {
            RecordMetadata metadata = record.future().join();
            ConsumerRecord<byte[], byte[]> stored = consumedAt.get(metadata.partition() + "@" + metadata.offset());
            assertThat(stored).as("stored record of acknowledged send #%d", record.sendIndex()).isNotNull();
            ReadBack.assertSame(stored, record, "acknowledged before close(0)");
        }
    }

    @ParameterizedTest(name = "transport={0}")
    @MethodSource("io.odradek.it.transport.Transports#names")
    void closeWithTimeoutReturnsAndFailsEveryRecordWhenNoBrokerIsReachable(String transport) throws Exception {
        Producer<byte[], byte[]> producer = Odradek.producer(io.odradek.api.ProducerConfig.builder()
                .bootstrapServers("127.0.0.1:" + Odradek.closedPort())
                .transport(transport)
                .maxBlock(Duration.ofSeconds(60)));
        List<RecordFuture> futures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            futures.add(producer.send(new ProducerRecord<>("nowhere", utf8("k" + i), utf8("v" + i))));
        }

        long startNs = System.nanoTime();
        producer.close(Duration.ofMillis(500));
        Duration took = Duration.ofNanos(System.nanoTime() - startNs);

        // max.block.ms is 60 s: returning well before it means close gave up, as asked, instead of waiting.
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(futures).allSatisfy(future -> {
            assertThat(future.toCompletableFuture()).isCompletedExceptionally();
            assertThatThrownBy(future::join).cause()
                    .isInstanceOfAny(ProducerClosedException.class, TimeoutException.class);
        });
    }

    @ParameterizedTest(name = "transport={0}")
    @MethodSource("io.odradek.it.transport.Transports#names")
    void sendAfterCloseThrowsProducerClosedException(String transport, KafkaCluster kafka) {
        String topic = kafka.createTopic("send-after-close-" + transport, 1);
        Producer<byte[], byte[]> producer = Odradek.producer(Odradek.config(kafka).transport(transport));
        producer.close();

        assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, utf8("k"), utf8("v"))))
                .isInstanceOf(ProducerClosedException.class)
                .hasMessageContaining(topic);
    }

    private static Producer<byte[], byte[]> lingeringProducer(KafkaCluster kafka, String transport) {
        return Odradek.producer(Odradek.config(kafka).transport(transport).linger(LINGER_FOREVER));
    }

    private static void sendKeyed(SentRecords sent, String topic, int from, int to) {
        for (int i = from; i < to; i++) {
            sent.send(new ProducerRecord<>(topic, utf8("key-" + (i % 97)), utf8("value-" + i)));
        }
    }
}
