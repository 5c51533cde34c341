package io.odradek.it.produce;

import static io.odradek.it.produce.Odradek.ACK_TIMEOUT;
import static io.odradek.it.produce.Odradek.READ_TIMEOUT;
import static io.odradek.it.produce.Odradek.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.odradek.api.Header;
import io.odradek.api.Headers;
import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.ProducerRecord;
import io.odradek.it.KafkaBrokerExtension;
import io.odradek.it.KafkaCluster;
import io.odradek.it.transport.BothTransports;

/** One producer shared by several application threads loses, duplicates and reorders nothing. */
@BothTransports
@ExtendWith(KafkaBrokerExtension.class)
class ConcurrentSendersTest {

    private static final int THREADS = 4;
    private static final int KEYS_PER_THREAD = 3;
    private static final int RECORDS_PER_THREAD = 3000;

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.odradek.it.transport.Transports#names")
    void recordsOfConcurrentThreadsArriveOnceAndInEachThreadsOrderPerKey(String transport, KafkaCluster kafka)
            throws Exception {
        String topic = kafka.createTopic("concurrent", 6);
        SentRecords sent = sendFromThreads(Odradek.config(kafka, transport), (thread, i) -> {
            String key = "thread-" + thread + "-" + (i % KEYS_PER_THREAD);
            Headers headers = Headers.of(Header.of("seq", Integer.toString(i)));
            return new ProducerRecord<>(topic, null, null, utf8(key), utf8(thread + ":" + i), headers);
        });
        assertThat(sent.size()).isEqualTo(THREADS * RECORDS_PER_THREAD);

        List<ConsumerRecord<byte[], byte[]>> consumed = kafka.readAll(topic, sent.size(), READ_TIMEOUT);

        // Each key belongs to one thread, so its records' send order is that thread's order.
        ReadBack.assertGroupsHoldExactly(consumed, sent.all(), r -> Odradek.text(r.key()),
                r -> Odradek.text(r.key()), "key");
        assertThat(consumed.stream().map(ConsumerRecord::partition).distinct().count())
                .as("partitions used").isGreaterThan(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.odradek.it.transport.Transports#names")
    void recordsWithoutKeysFromConcurrentThreadsArriveOnceAndInEachThreadsOrderPerPartition(String transport,
                                                                                           KafkaCluster kafka)
            throws Exception {
        String topic = kafka.createTopic("concurrent-sticky", 6);
        // Small batches: the sticky partitioner seals one and moves on every ~18 records, with four threads
        // racing at each switch.
        SentRecords sent = sendFromThreads(Odradek.config(kafka, transport).batchSizeBytes(2048),
                (thread, i) -> new ProducerRecord<>(topic, null, null, null,
                        utf8(thread + ":" + i + ":" + "v".repeat(80)), Headers.of()));
        assertThat(sent.size()).isEqualTo(THREADS * RECORDS_PER_THREAD);

        List<ConsumerRecord<byte[], byte[]>> consumed = kafka.readAll(topic, sent.size(), READ_TIMEOUT);

        // Kafka keeps order per partition: each thread's records in one partition must be in its send order.
        ReadBack.assertGroupsHoldExactly(consumed, sent.all(),
                r -> senderOf(r.value()) + "@" + r.partition(), r -> senderOf(r.value()) + "@" + r.partition(),
                "thread@partition");
        assertThat(consumed.stream().map(ConsumerRecord::partition).distinct().count())
                .as("partitions used").isEqualTo(6);
    }

    /**
     * Sends {@code RECORDS_PER_THREAD} records from each of {@code THREADS} threads released at once, through one
     * producer, and waits until every one is acknowledged.
     */
    private static SentRecords sendFromThreads(ProducerConfig.Builder config, RecordMaker records) throws Exception {
        SentRecords sent;
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try (Producer<byte[], byte[]> producer = Odradek.producer(config)) {
            sent = new SentRecords(producer);
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Void>> senders = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                senders.add(CompletableFuture.runAsync(() -> {
                    awaitQuietly(start);
                    for (int i = 0; i < RECORDS_PER_THREAD; i++) {
                        sent.send(records.record(thread, i));
                    }
                }, threads));
            }
            start.countDown();
            CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new))
                    .get(ACK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            sent.awaitAcknowledged(ACK_TIMEOUT);
        } finally {
            threads.shutdownNow();
        }
        return sent;
    }

    /** The {@code i}-th record of sending thread {@code thread}. */
    private interface RecordMaker {
        ProducerRecord<byte[], byte[]> record(int thread, int i);
    }

    private static String senderOf(byte[] value) {
        String text = Odradek.text(value);
        return text.substring(0, text.indexOf(':'));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
