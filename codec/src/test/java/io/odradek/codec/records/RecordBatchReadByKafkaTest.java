package io.odradek.codec.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.odradek.api.Header;
import io.odradek.api.Headers;
import io.odradek.codec.testing.GzipTestCodec;
import io.odradek.domain.port.RecordBatchWriter;

/** Batches we write, Kafka's own MemoryRecords must read back field by field, with a valid CRC. */
class RecordBatchReadByKafkaTest {
    private static final long BASE_TIMESTAMP_MS = 1_700_000_000_000L;
    private final KafkaRecordBatchFormat format = new KafkaRecordBatchFormat();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ByteBuffer buffer(boolean direct, int sizeBytes) {
        return direct ? ByteBuffer.allocateDirect(sizeBytes) : ByteBuffer.allocate(sizeBytes);
    }

    /** Three records covering null key, null value, headers with a null value and a non-ASCII key. */
    private static void appendSample(RecordBatchWriter writer) {
        assertThat(writer.append(BASE_TIMESTAMP_MS, bytes("k0"), bytes("v0"), Headers.empty())).isPositive();
        assertThat(writer.append(BASE_TIMESTAMP_MS + 300_000, null, bytes("v1"),
                Headers.of(Header.of("trace", "abc"), new Header("ключ-🔑", null)))).isPositive();
        assertThat(writer.append(BASE_TIMESTAMP_MS - 5, bytes("k2"), null, null)).isPositive();
    }

    private static RecordBatch onlyBatch(ByteBuffer batch) {
        List<? extends RecordBatch> batches = new ArrayList<>(
                (java.util.Collection<? extends RecordBatch>) toList(MemoryRecords.readableRecords(batch).batches()));
        assertThat(batches).hasSize(1);
        return batches.get(0);
    }

    private static List<RecordBatch> toList(Iterable<? extends RecordBatch> batches) {
        List<RecordBatch> list = new ArrayList<>();
        batches.forEach(list::add);
        return list;
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    private static void assertSampleRecords(RecordBatch batch) {
        List<Record> records = new ArrayList<>();
        batch.forEach(records::add);
        assertThat(records).hasSize(3);

        Record r0 = records.get(0);
        assertThat(r0.offset()).isZero();
        assertThat(r0.timestamp()).isEqualTo(BASE_TIMESTAMP_MS);
        assertThat(bytesOf(r0.key())).isEqualTo(bytes("k0"));
        assertThat(bytesOf(r0.value())).isEqualTo(bytes("v0"));
        assertThat(r0.headers()).isEmpty();

        Record r1 = records.get(1);
        assertThat(r1.offset()).isEqualTo(1);
        assertThat(r1.timestamp()).isEqualTo(BASE_TIMESTAMP_MS + 300_000);
        assertThat(r1.hasKey()).isFalse();
        assertThat(bytesOf(r1.value())).isEqualTo(bytes("v1"));
        assertThat(r1.headers()).hasSize(2);
        assertThat(r1.headers()[0].key()).isEqualTo("trace");
        assertThat(r1.headers()[0].value()).isEqualTo(bytes("abc"));
        assertThat(r1.headers()[1].key()).isEqualTo("ключ-🔑");
        assertThat(r1.headers()[1].value()).isNull();

        Record r2 = records.get(2);
        assertThat(r2.offset()).isEqualTo(2);
        assertThat(r2.timestamp()).isEqualTo(BASE_TIMESTAMP_MS - 5);
        assertThat(bytesOf(r2.key())).isEqualTo(bytes("k2"));
        assertThat(r2.hasValue()).isFalse();
        assertThat(r2.headers()).isEmpty();
    }

    @ParameterizedTest(name = "direct={0}")
    @ValueSource(booleans = {false, true})
    void uncompressedBatchReadsBackRecordByRecord(boolean direct) {
        ByteBuffer buffer = buffer(direct, 1024);
        buffer.position(100); // the batch need not start at 0
        RecordBatchWriter writer = format.newWriter(buffer, BASE_TIMESTAMP_MS);
        appendSample(writer);
        ByteBuffer closed = writer.close(null, 0, null);

        assertThat(closed.position()).isZero();
        assertThat(closed.limit()).isEqualTo(writer.sizeBytes());
        format.stampProducerIdentity(closed, -1L, (short) -1, -1, false);
        RecordBatch batch = onlyBatch(closed);
        batch.ensureValid();
        assertThat(batch.magic()).isEqualTo(RecordBatch.MAGIC_VALUE_V2);
        assertThat(batch.baseOffset()).isZero();
        assertThat(batch.lastOffset()).isEqualTo(2);
        assertThat(batch.countOrNull()).isEqualTo(3);
        assertThat(batch.compressionType()).isEqualTo(CompressionType.NONE);
        assertThat(batch.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
        assertThat(batch.maxTimestamp()).isEqualTo(BASE_TIMESTAMP_MS + 300_000);
        assertThat(batch.partitionLeaderEpoch()).isEqualTo(-1);
        assertThat(batch.producerId()).isEqualTo(-1L);
        assertThat(batch.producerEpoch()).isEqualTo((short) -1);
        assertThat(batch.baseSequence()).isEqualTo(-1);
        assertThat(batch.isTransactional()).isFalse();
        assertThat(batch.isControlBatch()).isFalse();
        assertThat(batch.sizeInBytes()).isEqualTo(closed.limit());
        assertSampleRecords(batch);
    }

    @ParameterizedTest(name = "direct={0}")
    @ValueSource(booleans = {false, true})
    void stampWritesProducerIdentityAndKeepsTheCrcValid(boolean direct) {
        RecordBatchWriter writer = format.newWriter(buffer(direct, 1024), BASE_TIMESTAMP_MS);
        appendSample(writer);
        ByteBuffer closed = writer.close(null, 0, null);

        format.stampProducerIdentity(closed, 123_456_789L, (short) 4, 1_000, true);
        RecordBatch stamped = onlyBatch(closed);
        stamped.ensureValid();
        long firstCrc = stamped.checksum();
        assertThat(stamped.producerId()).isEqualTo(123_456_789L);
        assertThat(stamped.producerEpoch()).isEqualTo((short) 4);
        assertThat(stamped.baseSequence()).isEqualTo(1_000);
        assertThat(stamped.lastSequence()).isEqualTo(1_002);
        assertThat(stamped.isTransactional()).isTrue();

        // An epoch bump before a retry re-stamps the same batch.
        format.stampProducerIdentity(closed, 123_456_789L, (short) 5, 0, false);
        RecordBatch restamped = onlyBatch(closed);
        restamped.ensureValid();
        assertThat(restamped.checksum()).isNotEqualTo(firstCrc);
        assertThat(restamped.producerEpoch()).isEqualTo((short) 5);
        assertThat(restamped.baseSequence()).isZero();
        assertThat(restamped.isTransactional()).isFalse();
        assertSampleRecords(restamped);
    }

    @ParameterizedTest(name = "direct={0}")
    @ValueSource(booleans = {false, true})
    void gzipBatchIsReadableByKafkaAndFreesTheOriginalBuffer(boolean direct) {
        ByteBuffer original = buffer(direct, 4096);
        RecordBatchWriter writer = format.newWriter(original, BASE_TIMESTAMP_MS);
        appendSample(writer);
        for (int i = 0; i < 20; i++) {
            writer.append(BASE_TIMESTAMP_MS + i, null, bytes("repetitive value repetitive value"), null);
        }
        int uncompressedBytes = writer.sizeBytes();
        int[] askedBytes = new int[1];
        ByteBuffer compressed = writer.close(new GzipTestCodec(), 6, size -> {
            askedBytes[0] = size;
            ByteBuffer target = buffer(direct, size + 50);
            target.position(7);
            return target;
        });
        format.stampProducerIdentity(compressed, 9L, (short) 0, 0, false);

        assertThat(askedBytes[0]).isEqualTo(61 + new GzipTestCodec().maxCompressedSizeBytes(uncompressedBytes - 61));
        RecordBatch batch = onlyBatch(compressed);
        batch.ensureValid();
        assertThat(batch.compressionType()).isEqualTo(CompressionType.GZIP);
        assertThat(batch.sizeInBytes()).isEqualTo(compressed.limit()).isLessThan(uncompressedBytes);
        assertThat(batch.lastOffset()).isEqualTo(22);
        assertThat(batch.maxTimestamp()).isEqualTo(BASE_TIMESTAMP_MS + 300_000);
        List<Record> records = new ArrayList<>();
        batch.forEach(records::add);
        assertThat(records).hasSize(23);
        assertThat(records.get(1).headers()[1].key()).isEqualTo("ключ-🔑");
        assertThat(records.get(22).offset()).isEqualTo(22);
        assertThat(bytesOf(records.get(22).value())).isEqualTo(bytes("repetitive value repetitive value"));
    }

    @Test
    void recordThatDoesNotFitLeavesTheBufferUntouched() {
        ByteBuffer buffer = ByteBuffer.allocate(61 + 100);
        RecordBatchWriter writer = format.newWriter(buffer, BASE_TIMESTAMP_MS);
        byte[] value = new byte[30];
        int written = 0;
        int appended = 0;
        int size;
        while ((size = writer.append(BASE_TIMESTAMP_MS, null, value, null)) != RecordBatchWriter.DOES_NOT_FIT) {
            written += size;
            appended++;
        }
        byte[] before = Arrays.copyOf(buffer.array(), buffer.capacity());
        int positionBefore = buffer.position();

        assertThat(writer.append(BASE_TIMESTAMP_MS, null, value, null)).isEqualTo(RecordBatchWriter.DOES_NOT_FIT);
        assertThat(buffer.array()).isEqualTo(before);
        assertThat(buffer.position()).isEqualTo(positionBefore);
        assertThat(appended).isEqualTo(2);
        assertThat(writer.recordCount()).isEqualTo(2);
        assertThat(writer.sizeBytes()).isEqualTo(61 + written);
        // A smaller record still fits in what is left.
        assertThat(writer.append(BASE_TIMESTAMP_MS, null, new byte[1], null)).isPositive();
        ByteBuffer closed = writer.close(null, 0, null);
        format.stampProducerIdentity(closed, -1L, (short) -1, -1, false);
        RecordBatch batch = onlyBatch(closed);
        batch.ensureValid();
        assertThat(batch.countOrNull()).isEqualTo(3);
    }

    @Test
    void maxRecordSizeIsAnUpperBoundOfWhatAppendWrites() {
        Headers headers = Headers.of(Header.of("h-é", "value"), new Header("n", null));
        int bound = format.maxRecordSizeBytes(3, 200, headers);
        RecordBatchWriter writer = format.newWriter(ByteBuffer.allocate(1024), 0L);
        int actual = writer.append(Long.MAX_VALUE / 2, new byte[3], new byte[200], headers);
        assertThat(actual).isPositive().isLessThanOrEqualTo(bound);
        assertThat(format.maxRecordSizeBytes(-1, -1, null))
                .isGreaterThanOrEqualTo(writer.append(0L, null, null, null));
    }

    @Test
    void appendAfterCloseIsAContractViolation() {
        RecordBatchWriter writer = format.newWriter(ByteBuffer.allocate(256), 0L);
        writer.append(0L, null, new byte[1], null);
        writer.close(null, 0, null);
        assertThatThrownBy(() -> writer.append(0L, null, new byte[1], null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> writer.close(null, 0, null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stampRefusesSomethingThatIsNotABatch() {
        assertThatThrownBy(() -> format.stampProducerIdentity(ByteBuffer.allocate(80), 1L, (short) 0, 0, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
