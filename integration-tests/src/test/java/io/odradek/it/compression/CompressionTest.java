package io.odradek.it.compression;

import static io.odradek.it.produce.Odradek.ACK_TIMEOUT;
import static io.odradek.it.produce.Odradek.READ_TIMEOUT;
import static io.odradek.it.produce.Odradek.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.kafka.common.record.FileLogInputStream.FileChannelRecordBatch;
import org.apache.kafka.common.record.FileRecords;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.odradek.api.CompressionType;
import io.odradek.api.Header;
import io.odradek.api.Headers;
import io.odradek.api.Producer;
import io.odradek.api.ProducerConfig;
import io.odradek.api.ProducerRecord;
import io.odradek.it.KafkaBrokerExtension;
import io.odradek.it.KafkaCluster;
import io.odradek.it.produce.Odradek;
import io.odradek.it.produce.ReadBack;
import io.odradek.it.produce.SentRecords;

/**
 * Compressed batches are stored by the broker as the producer compressed them (the topic's
 * {@code compression.type} is {@code producer}) and Kafka's consumer decompresses them to the same bytes.
 */
@ExtendWith(KafkaBrokerExtension.class)
class CompressionTest {

    private static final int SINGLE_PARTITION = 0;
    private static final int MANY_SMALL_PARTITION = 1;
    private static final int SIZES_PARTITION = 2;
    private static final int SMALL_RECORDS = 3000;

    /** A level of null means the codec has none (snappy). */
    static Stream<Arguments> codecsAndLevels() {
        return Stream.of(
                Arguments.of(CompressionType.GZIP, 1),
                Arguments.of(CompressionType.GZIP, 9),
                Arguments.of(CompressionType.SNAPPY, null),
                Arguments.of(CompressionType.LZ4, 1),
                Arguments.of(CompressionType.LZ4, 9),
                Arguments.of(CompressionType.LZ4, 17),
                Arguments.of(CompressionType.ZSTD, -5),
                Arguments.of(CompressionType.ZSTD, 3),
                Arguments.of(CompressionType.ZSTD, 19));
    }

    @ParameterizedTest(name = "{0} level {1}")
    @MethodSource("codecsAndLevels")
    void batchesOfOneToThousandsOfRecordsAreStoredWithTheCodecAndReadBackByteExact(
            CompressionType codec, Integer level, KafkaCluster kafka) throws Exception {
        String topic = kafka.createTopic("compressed-" + codec.configValue(), 3);
        ProducerConfig.Builder config = Odradek.config(kafka)
                .maxRequestSizeBytes(2 * 1024 * 1024)
                // Batches leave on flush only, so their sizes are the test's, not the scheduler's: a
                // 256 KB batch takes all the small records.
                .linger(Duration.ofSeconds(60))
                .batchSizeBytes(256 * 1024);
        if (level == null) {
            config.compression(codec);
        } else {
            config.compression(codec, level);
        }
        Random random = new Random(codec.ordinal() * 100L + (level == null ? 0 : level));
        SentRecords sent;
        try (Producer<byte[], byte[]> producer = Odradek.producer(config)) {
            sent = new SentRecords(producer);
            sent.send(new ProducerRecord<>(topic, SINGLE_PARTITION, utf8("alone"), utf8(json(3))));
            producer.flush();

            for (int i = 0; i < SMALL_RECORDS; i++) {
                Headers headers = Headers.of(Header.of("n", Integer.toString(i)), new Header("null", null));
                sent.send(new ProducerRecord<>(topic, MANY_SMALL_PARTITION, null, utf8("small-" + i),
                        utf8("v" + i), headers));
            }
            producer.flush();

            for (byte[] value : valuesFromEmptyToOneMegabyte(random)) {
                Headers headers = Headers.of(new Header("bin", randomBytes(random, 64)));
                sent.send(new ProducerRecord<>(topic, SIZES_PARTITION, null, utf8("size-" + value.length), value,
                        headers));
            }
            producer.flush();
            sent.awaitAcknowledged(ACK_TIMEOUT);
        }

        ReadBack.assertPartitionsHoldExactly(kafka.readAll(topic, sent.size(), READ_TIMEOUT), sent.all());

        List<FileChannelRecordBatch> stored = storedBatches(kafka, topic);
        assertThat(stored).as("batches in the broker's log").isNotEmpty().allSatisfy(batch ->
                assertThat(batch.compressionType().name).as("codec of the batch at offset %d", batch.baseOffset())
                        .isEqualTo(codec.configValue()));
        assertThat(stored.stream().mapToLong(CompressionTest::recordCount).sum()).isEqualTo(sent.size());
        assertThat(stored).as("a batch of one record").anySatisfy(b -> assertThat(recordCount(b)).isEqualTo(1));
        assertThat(stored).as("a batch of over a thousand records")
                .anySatisfy(b -> assertThat(recordCount(b)).isGreaterThan(1000));
    }

    private static List<byte[]> valuesFromEmptyToOneMegabyte(Random random) {
        List<byte[]> values = new ArrayList<>();
        values.add(new byte[0]);
        values.add(new byte[] {42});
        values.add(randomBytes(random, 100));
        values.add(utf8(json(100)));
        values.add(randomBytes(random, 10 * 1024));
        values.add(randomBytes(random, 100 * 1024));
        values.add(utf8(json(1000)));
        values.add(truncated(utf8(json(20_000)), 1024 * 1024));
        // Random bytes do not compress: keep the batch under the broker's default 1 MB message limit.
        values.add(randomBytes(random, 1_000_000));
        return values;
    }

    private static long recordCount(FileChannelRecordBatch batch) {
        return batch.lastOffset() - batch.baseOffset() + 1;
    }

    /** Every batch of every partition's segments, as the broker stored them on disk. */
    private static List<FileChannelRecordBatch> storedBatches(KafkaCluster kafka, String topic) throws IOException {
        List<Path> segments;
        try (Stream<Path> files = Files.walk(kafka.broker().dataDir())) {
            segments = files.filter(f -> f.getParent().getFileName().toString().startsWith(topic + "-"))
                    .filter(f -> f.getFileName().toString().endsWith(".log"))
                    .sorted()
                    .toList();
        }
        assertThat(segments).as("segment files of %s", topic).isNotEmpty();
        List<FileChannelRecordBatch> batches = new ArrayList<>();
        for (Path segment : segments) {
            try (FileRecords records = FileRecords.open(segment.toFile(), false)) {
                records.batches().forEach(batch -> {
                    batch.ensureValid();
                    batches.add(batch);
                });
            }
        }
        return batches;
    }

    /** JSON-like text: repetitive, as real payloads are, so it compresses well. */
    private static String json(int entries) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < entries; i++) {
            text.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"user-").append(i)
                    .append("\",\"tags\":[\"alpha\",\"beta\"],\"score\":").append(i % 97).append(".5}");
        }
        return text.append("]").toString();
    }

    private static byte[] truncated(byte[] bytes, int length) {
        return java.util.Arrays.copyOf(bytes, Math.min(length, bytes.length));
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
