package io.odradek.it.produce;

import static io.odradek.it.produce.Odradek.ACK_TIMEOUT;
import static io.odradek.it.produce.Odradek.READ_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.odradek.api.Producer;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordMetadata;
import io.odradek.it.KafkaBrokerExtension;
import io.odradek.it.KafkaCluster;
import io.odradek.it.transport.BothTransports;

/** What futures and callbacks report is where the broker stored each record, on either transport. */
@BothTransports
@ExtendWith(KafkaBrokerExtension.class)
class RecordMetadataTest {

    private static final int PARTITIONS = 6;
    private static final int RECORDS = 4000;

    private record Completion(int sendIndex, RecordMetadata metadata, Exception exception) {
    }

    @ParameterizedTest(name = "transport={0}")
    @MethodSource("io.odradek.it.transport.Transports#names")
    void futuresAndCallbacksReportTheOffsetTheConsumerReadsAndTheSerializedSizes(String transport,
            KafkaCluster kafka) throws Exception {
        String topic = kafka.createTopic("metadata-" + transport, PARTITIONS);
        Random random = new Random(4);
        AtomicIntegerArray callbackCalls = new AtomicIntegerArray(RECORDS);
        AtomicReferenceArray<RecordMetadata> callbackMetadata = new AtomicReferenceArray<>(RECORDS);
        ConcurrentLinkedQueue<Completion> completionOrder = new ConcurrentLinkedQueue<>();
        SentRecords sent;
        try (Producer<byte[], byte[]> producer = Odradek.producer(Odradek.config(kafka).transport(transport))) {
            sent = new SentRecords(producer);
            for (int i = 0; i < RECORDS; i++) {
                int sendIndex = i;
                byte[] key = i % 7 == 0 ? null : DeliveryTest.randomBytes(random, random.nextInt(50));
                byte[] value = i % 11 == 0 ? null : DeliveryTest.randomBytes(random, random.nextInt(500));
                Long timestamp = i % 2 == 0 ? 1_700_000_000_000L + i : null;
                sent.send(new ProducerRecord<>(topic, null, timestamp, key, value, null), (metadata, exception) -> {
                    callbackCalls.incrementAndGet(sendIndex);
                    callbackMetadata.set(sendIndex, metadata);
                    completionOrder.add(new Completion(sendIndex, metadata, exception));
                });
            }
            sent.awaitAcknowledged(ACK_TIMEOUT);
        }
        // close() returned: the I/O thread is gone, so no callback can still come.

        List<ConsumerRecord<byte[], byte[]>> consumed = kafka.readAll(topic, RECORDS, READ_TIMEOUT);
        Map<String, ConsumerRecord<byte[], byte[]>> consumedAt = new HashMap<>();
        consumed.forEach(r -> consumedAt.put(r.partition() + "@" + r.offset(), r));
        assertThat(consumedAt).hasSize(RECORDS);

        for (SentRecord record : sent.all()) {
            int i = record.sendIndex();
            RecordMetadata metadata = record.future().join();
            assertThat(callbackCalls.get(i)).as("callback calls of send #%d", i).isEqualTo(1);
            assertThat(callbackMetadata.get(i)).as("callback metadata of send #%d", i).isEqualTo(metadata);
            assertThat(metadata.topic()).isEqualTo(topic);
            assertThat(metadata.serializedKeySize()).as("key size of send #%d", i)
                    .isEqualTo(record.key() == null ? -1 : record.key().length);
            assertThat(metadata.serializedValueSize()).as("value size of send #%d", i)
                    .isEqualTo(record.value() == null ? -1 : record.value().length);
            ConsumerRecord<byte[], byte[]> stored = consumedAt.get(metadata.partition() + "@" + metadata.offset());
            assertThat(stored).as("record at the offset send #%d reported", i).isNotNull();
            ReadBack.assertSame(stored, record, "offset reported for send #" + i);
            assertThat(metadata.timestamp()).as("timestamp of send #%d", i).isEqualTo(stored.timestamp());
        }

        assertThat(completionOrder).hasSize(RECORDS).allSatisfy(c -> assertThat(c.exception()).isNull());
        Map<Integer, List<Integer>> callbackOrderByPartition = new HashMap<>();
        for (Completion completion : completionOrder) {
            callbackOrderByPartition.computeIfAbsent(completion.metadata().partition(), p -> new ArrayList<>())
                    .add(completion.sendIndex());
        }
        assertThat(callbackOrderByPartition).hasSizeGreaterThan(1);
        callbackOrderByPartition.forEach((partition, sendIndexes) ->
                assertThat(sendIndexes).as("callback order in partition %d", partition).isSorted());
        ReadBack.assertPartitionsHoldExactly(consumed, sent.all());
    }
}
