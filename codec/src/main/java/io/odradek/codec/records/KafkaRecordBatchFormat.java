package io.odradek.codec.records;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import io.odradek.api.Header;
import io.odradek.api.Headers;
import io.odradek.codec.wire.Utf8;
import io.odradek.domain.port.RecordBatchFormat;
import io.odradek.domain.port.RecordBatchWriter;

/** RecordBatch v2: the writer, the size bound, and the producer-identity stamp with its CRC32C. */
public final class KafkaRecordBatchFormat implements RecordBatchFormat {

    // length varint, attributes, timestamp delta varlong, offset delta varint, key length, value length,
    // header count, all at their widest.
    private static final int RECORD_OVERHEAD_BYTES = 5 + 1 + 10 + 5 + 5 + 5 + 5;

    @Override
    public int batchHeaderSizeBytes() {
        return RecordBatchV2.HEADER_SIZE_BYTES;
    }

    @Override
    public int maxRecordSizeBytes(int keyLength, int valueLength, Headers headers) {
        int size = RECORD_OVERHEAD_BYTES + Math.max(keyLength, 0) + Math.max(valueLength, 0);
        if (headers != null) {
            for (int i = 0, n = headers.size(); i < n; i++) {
                Header header = headers.get(i);
                byte[] value = header.value();
                size += 5 + Utf8.length(header.key()) + 5 + (value == null ? 0 : value.length);
            }
        }
        return size;
    }

    @Override
    public RecordBatchWriter newWriter(ByteBuffer buffer, long baseTimestampMs) {
        return new KafkaRecordBatchWriter(buffer, baseTimestampMs);
    }

    @Override
    public void stampProducerIdentity(ByteBuffer batch, long producerId, short producerEpoch, int baseSequence,
                                      boolean transactional) {
        int start = batch.position();
        if (batch.remaining() < RecordBatchV2.HEADER_SIZE_BYTES
                || batch.get(start + RecordBatchV2.MAGIC) != RecordBatchV2.MAGIC_VALUE) {
            throw new IllegalArgumentException("not a RecordBatch v2: " + batch);
        }
        batch.putLong(start + RecordBatchV2.PRODUCER_ID, producerId);
        batch.putShort(start + RecordBatchV2.PRODUCER_EPOCH, producerEpoch);
        batch.putInt(start + RecordBatchV2.BASE_SEQUENCE, baseSequence);
        int attributes = batch.getShort(start + RecordBatchV2.ATTRIBUTES);
        attributes = transactional ? attributes | RecordBatchV2.TRANSACTIONAL
                : attributes & ~RecordBatchV2.TRANSACTIONAL;
        batch.putShort(start + RecordBatchV2.ATTRIBUTES, (short) attributes);
        writeCrc(batch, start, batch.limit());
    }

    /** Computes the CRC32C of {@code [start + ATTRIBUTES, end)} and stores it; works on direct buffers. */
    static void writeCrc(ByteBuffer buffer, int start, int end) {
        ByteBuffer covered = buffer.duplicate();
        covered.limit(end).position(start + RecordBatchV2.ATTRIBUTES);
        CRC32C crc = new CRC32C();
        crc.update(covered);
        buffer.putInt(start + RecordBatchV2.CRC, (int) crc.getValue());
    }
}
