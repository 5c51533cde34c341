package io.odradek.it.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.odradek.api.RecordFuture;
import io.odradek.api.Acks;
import io.odradek.api.Header;
import io.odradek.api.Headers;
import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.ProducerRecord;
import io.odradek.api.RecordMetadata;
import io.odradek.api.Serializers;
import io.odradek.it.KafkaBrokerExtension;
import io.odradek.it.KafkaCluster;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each transport delivers keyed records with headers, byte for byte, in send order per partition. */
@BothTransports
@ExtendWith(KafkaBrokerExtension.class)
class BothTransportsDeliveryTest {

    private static final int PARTITIONS = 4;
    private static final int RECORDS = 5000;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @ParameterizedTest(name = "transport={0}")
    @MethodSource("io.odradek.it.transport.Transports#names")
    void deliversKeyedRecordsWithHeadersByteExact(String transport, KafkaCluster kafka) throws Exception {
        String topic = kafka.createTopic("both-transports-" + transport, PARTITIONS);
        Random random = new Random(transport.hashCode());
        List<ProducerRecord<byte[], byte[]>> sent = new ArrayList<>();
        List<RecordFuture> acks = new ArrayList<>();
        ProducerConfig config = ProducerConfig.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .transport(transport)
                .acks(Acks.ALL)
                .linger(Duration.ofMillis(5))
                // small batches: many requests in flight at once, several frames per poll round
                .batchSizeBytes(16 * 1024)
                .build();
        try (Producer<byte[], byte[]> producer = Producer.create(config, Serializers.byteArray(),
                Serializers.byteArray())) {
            for (int i = 0; i < RECORDS; i++) {
                ProducerRecord<byte[], byte[]> record = keyedRecordWithHeaders(topic, i, random);
                sent.add(record);
                acks.add(producer.send(record));
            }
            producer.flush();
            CompletableFuture.allOf(acks.stream().map(RecordFuture::toCompletableFuture)
                    .toArray(CompletableFuture[]::new)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        List<ConsumerRecord<byte[], byte[]>> read = kafka.readAll(topic, RECORDS, TIMEOUT);

        assertThat(read).hasSize(RECORDS);
        Map<ByteBuffer, Integer> sendIndexByKey = new HashMap<>();
        for (int i = 0; i < RECORDS; i++) {
            sendIndexByKey.put(ByteBuffer.wrap(sent.get(i).key()), i);
        }
        Map<Integer, Integer> lastSendIndexByPartition = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> consumed : read) {
            Integer index = sendIndexByKey.remove(ByteBuffer.wrap(consumed.key()));
            assertThat(index).as("a record read back was sent, and only once").isNotNull();
            ProducerRecord<byte[], byte[]> expected = sent.get(index);
            assertThat(consumed.value()).as("value of send #%d", index).isEqualTo(expected.value());
            assertThat(consumed.headers().toArray()).as("headers of send #%d", index)
                    .containsExactly(kafkaHeaders(expected.headers()));
            assertThat(consumed.partition()).as("partition of send #%d", index)
                    .isEqualTo(acks.get(index).join().partition());
            assertThat(consumed.offset()).as("offset of send #%d", index).isEqualTo(acks.get(index).join().offset());
            Integer previous = lastSendIndexByPartition.put(consumed.partition(), index);
            assertThat(previous == null || previous < index).as("send order in partition %d", consumed.partition())
                    .isTrue();
        }
        assertThat(lastSendIndexByPartition).hasSize(PARTITIONS);
    }

    /** A unique binary key (the send index, then random bytes), a random value and 0-3 headers. */
    private static ProducerRecord<byte[], byte[]> keyedRecordWithHeaders(String topic, int i, Random random) {
        byte[] key = ByteBuffer.allocate(4 + random.nextInt(20)).putInt(i).array();
        for (int b = 4; b < key.length; b++) {
            key[b] = (byte) random.nextInt();
        }
        byte[] value = new byte[random.nextInt(500)];
        random.nextBytes(value);
        Headers headers = new Headers();
        for (int h = 0, count = i % 4; h < count; h++) {
            byte[] headerValue = h == 2 ? null : new byte[random.nextInt(30)];
            if (headerValue != null) {
                random.nextBytes(headerValue);
            }
            headers.add(new Header("h" + h, headerValue));
        }
        return new ProducerRecord<>(topic, null, null, key, value, headers);
    }

    private static org.apache.kafka.common.header.Header[] kafkaHeaders(Headers headers) {
        return headers.toList().stream().map(h -> new RecordHeader(h.key(), h.value()))
                .toArray(org.apache.kafka.common.header.Header[]::new);
    }
}
