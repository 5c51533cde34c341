package io.odradek.it.produce;

import static io.odradek.it.produce.Odradek.ACK_TIMEOUT;
import static io.odradek.it.produce.Odradek.READ_TIMEOUT;
import static io.odradek.it.produce.Odradek.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.odradek.it.transport.BothTransports;
import io.odradek.it.transport.Transports;

import io.odradek.api.Acks;
import io.odradek.api.Header;
import io.odradek.api.Headers;
import io.odradek.api.Producer;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordMetadata;
import io.odradek.it.KafkaBrokerExtension;
import io.odradek.it.KafkaCluster;

/**
 * Every kind of record arrives exactly once, byte for byte, in send order per partition, whatever the acks
 * and whichever transport carries it.
 */
@BothTransports
@ExtendWith(KafkaBrokerExtension.class)
class DeliveryTest {

    private static final int PARTITIONS = 6;
    private static final int RECORDS = 3000;
    /** Well in the past: brokers reject create times more than an hour in the future by default. */
    private static final long EXPLICIT_TIMESTAMP_BASE_MS = 1_600_000_000_000L;

    /** Each transport with each acks; idempotence needs acks=all, so acks=0 and acks=1 run without it. */
    static Stream<Arguments> transportAcksAndIdempotence() {
        return Transports.names().flatMap(transport -> Stream.of(
                Arguments.of(transport, Acks.NONE, false),
                Arguments.of(transport, Acks.LEADER, false),
                Arguments.of(transport, Acks.ALL, false),
                Arguments.of(transport, Acks.ALL, true)));
    }

    @ParameterizedTest(name = "transport={0}, acks={1}, idempotence={2}")
    @MethodSource("transportAcksAndIdempotence")
    void storesEveryRecordOnceByteExactInPartitionSendOrder(String transport, Acks acks, boolean idempotence,
            KafkaCluster kafka) throws Exception {
        String topic = Odradek.createServingTopic(kafka, "delivery-" + transport + "-" + acks.configValue(),
                PARTITIONS);
        Random random = new Random(acks.ordinal() * 31L + (idempotence ? 1 : 0));
        SentRecords sent;
        try (Producer<byte[], byte[]> producer = Odradek.producer(Odradek.config(kafka)
                .transport(transport)
                .acks(acks)
                .idempotence(idempotence)
                // As in Kafka, only idempotence keeps order across a retry with several requests in flight;
                // without it one in flight does. A fresh topic's first request may well be retried.
                .maxInFlightRequestsPerConnection(idempotence ? 5 : 1))) {
            sent = new SentRecords(producer);
            for (int i = 0; i < RECORDS; i++) {
                sent.send(mixedRecord(topic, i, random));
            }
            producer.flush();
            assertThat(sent.all()).allSatisfy(record -> assertThat(record.future()).isDone());
            List<RecordMetadata> acknowledged = sent.awaitAcknowledged(ACK_TIMEOUT);
            if (acks == Acks.NONE) {
                assertThat(acknowledged).as("acks=0 brings no offsets back")
                        .allSatisfy(md -> assertThat(md.offset()).isEqualTo(RecordMetadata.UNKNOWN_OFFSET));
            } else {
                assertThat(acknowledged).allSatisfy(md -> assertThat(md.offset()).isNotNegative());
            }
        }
        for (SentRecord record : sent.all()) {
            if (record.record().partition() != null) {
                assertThat(record.partition()).as("explicit partition of send #%d", record.sendIndex())
                        .isEqualTo(record.record().partition());
            }
        }

        List<ConsumerRecord<byte[], byte[]>> consumed = kafka.readAll(topic, RECORDS, READ_TIMEOUT);

        ReadBack.assertPartitionsHoldExactly(consumed, sent.all());
        assertThat(consumed.stream().map(ConsumerRecord::partition).distinct()).hasSize(PARTITIONS);
    }

    /**
     * Record {@code i} of a mix: every fifth without a key, every third to an explicit partition, every
     * fourth with an explicit timestamp, every other with headers (a repeated key and a null value),
     * random binary keys and values of random length including empty.
     */
    static ProducerRecord<byte[], byte[]> mixedRecord(String topic, int i, Random random) {
        byte[] key = i % 5 == 0 ? null : randomBytes(random, 1 + random.nextInt(40));
        byte[] value = randomBytes(random, random.nextInt(300));
        Integer partition = i % 3 == 0 ? i % PARTITIONS : null;
        Long timestamp = i % 4 == 0 ? EXPLICIT_TIMESTAMP_BASE_MS + i * 1000L : null;
        Headers headers = new Headers();
        if (i % 2 == 0) {
            headers.add(Header.of("trace", "t-" + i))
                    .add(new Header("empty-or-null", null))
                    .add(new Header("bin", randomBytes(random, random.nextInt(20))))
                    .add(Header.of("trace", "second-" + i));
        }
        return new ProducerRecord<>(topic, partition, timestamp, key, value, headers);
    }

    static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    static byte[] keyOf(int i) {
        return utf8("key-" + i);
    }
}
