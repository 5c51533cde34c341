package io.odradek.codec.records;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.IntFunction;

import io.odradek.api.CompressionType;
import io.odradek.api.Header;
import io.odradek.api.Headers;
import io.odradek.codec.wire.Utf8;
import io.odradek.codec.wire.Varints;
import io.odradek.domain.port.CompressionCodec;
import io.odradek.domain.port.RecordBatchWriter;

/**
 * Writes records in RecordBatch v2 layout straight into the batch buffer (heap or direct), leaving room
 * for the 61-byte header that {@link #close} fills in. Sizes are computed before anything is written, so a
 * record that does not fit leaves the buffer untouched. Nothing is allocated per record.
 */
final class KafkaRecordBatchWriter implements RecordBatchWriter {
    private final ByteBuffer buffer;
    private final int start;
    private final int limit;
    private final long baseTimestampMs;
    private long maxTimestampMs = Long.MIN_VALUE;
    private int recordCount;
    private boolean closed;
    private int closedSizeBytes;

    KafkaRecordBatchWriter(ByteBuffer buffer, long baseTimestampMs) {
        if (buffer.remaining() < RecordBatchV2.HEADER_SIZE_BYTES) {
            throw new IllegalArgumentException("a batch needs at least " + RecordBatchV2.HEADER_SIZE_BYTES
                    + " bytes, the buffer has " + buffer.remaining());
        }
        this.buffer = buffer.order(ByteOrder.BIG_ENDIAN);
        this.start = buffer.position();
        this.limit = buffer.limit();
        this.baseTimestampMs = baseTimestampMs;
        buffer.position(start + RecordBatchV2.HEADER_SIZE_BYTES);
    }

    @Override
    public int append(long timestampMs, byte[] key, byte[] value, Headers headers) {
        if (closed) {
            throw new IllegalStateException("append after close");
        }
        long timestampDelta = timestampMs - baseTimestampMs;
        int offsetDelta = recordCount;
        int keyLength = key == null ? -1 : key.length;
        int valueLength = value == null ? -1 : value.length;
        int headerCount = headers == null ? 0 : headers.size();

        int bodySize = 1 + Varints.varlongSize(timestampDelta) + Varints.varintSize(offsetDelta)
                + Varints.varintSize(keyLength) + Math.max(keyLength, 0)
                + Varints.varintSize(valueLength) + Math.max(valueLength, 0)
                + Varints.varintSize(headerCount);
        for (int i = 0; i < headerCount; i++) {
            bodySize += headerSize(headers.get(i));
        }
        int recordSize = Varints.varintSize(bodySize) + bodySize;
        if (recordSize > limit - buffer.position()) {
            return DOES_NOT_FIT;
        }

        ByteBuffer out = buffer;
        putVarint(out, bodySize);
        out.put((byte) 0); // record attributes: none defined
        putVarlong(out, timestampDelta);
        putVarint(out, offsetDelta);
        putBytes(out, key);
        putBytes(out, value);
        putVarint(out, headerCount);
        for (int i = 0; i < headerCount; i++) {
            Header header = headers.get(i);
            String headerKey = header.key();
            putVarint(out, Utf8.length(headerKey));
            Utf8.write(headerKey, out);
            putBytes(out, header.value());
        }

        recordCount++;
        if (timestampMs > maxTimestampMs) {
            maxTimestampMs = timestampMs;
        }
        return recordSize;
    }

    private static int headerSize(Header header) {
        int keyBytes = Utf8.length(header.key());
        byte[] value = header.value();
        int valueLength = value == null ? -1 : value.length;
        return Varints.varintSize(keyBytes) + keyBytes + Varints.varintSize(valueLength) + Math.max(valueLength, 0);
    }

    private static void putBytes(ByteBuffer out, byte[] bytes) {
        if (bytes == null) {
            out.put((byte) 1); // zigzag(-1)
        } else {
            putVarint(out, bytes.length);
            out.put(bytes);
        }
    }

    private static void putVarint(ByteBuffer out, int value) {
        int v = Varints.zigzag(value);
        while ((v & ~0x7F) != 0) {
            out.put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.put((byte) v);
    }

    private static void putVarlong(ByteBuffer out, long value) {
        long v = Varints.zigzag(value);
        while ((v & ~0x7FL) != 0) {
            out.put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.put((byte) v);
    }

    @Override
    public int recordCount() {
        return recordCount;
    }

    @Override
    public int sizeBytes() {
        return closed ? closedSizeBytes : buffer.position() - start;
    }

    @Override
    public ByteBuffer close(CompressionCodec compression, int level, IntFunction<ByteBuffer> allocator) {
        if (closed) {
            throw new IllegalStateException("batch already closed");
        }
        closed = true;
        int end = buffer.position();
        int recordsStart = start + RecordBatchV2.HEADER_SIZE_BYTES;
        CompressionType type = compression == null ? CompressionType.NONE : compression.type();
        writeHeader(buffer, start, end - start, type.id());

        ByteBuffer target = buffer;
        int targetStart = start;
        if (type != CompressionType.NONE) {
            int uncompressedBytes = end - recordsStart;
            target = allocator.apply(RecordBatchV2.HEADER_SIZE_BYTES
                    + compression.maxCompressedSizeBytes(uncompressedBytes)).order(ByteOrder.BIG_ENDIAN);
            targetStart = target.position();
            target.put(targetStart, buffer, start, RecordBatchV2.HEADER_SIZE_BYTES);
            ByteBuffer records = buffer.duplicate();
            records.limit(end).position(recordsStart);
            ByteBuffer dst = target.duplicate();
            dst.limit(target.capacity()).position(targetStart + RecordBatchV2.HEADER_SIZE_BYTES);
            int compressedBytes = compression.compress(records, dst, level);
            end = targetStart + RecordBatchV2.HEADER_SIZE_BYTES + compressedBytes;
            target.putInt(targetStart + RecordBatchV2.BATCH_LENGTH, end - targetStart - RecordBatchV2.LOG_OVERHEAD_BYTES);
        }
        ByteBuffer batch = target.duplicate();
        batch.limit(end).position(targetStart);
        batch = batch.slice();
        closedSizeBytes = batch.limit();
        // No CRC yet: the producer identity is stamped next, and the stamp computes it once.
        return batch;
    }

    private void writeHeader(ByteBuffer out, int at, int batchBytes, int compressionId) {
        out.putLong(at + RecordBatchV2.BASE_OFFSET, 0L);
        out.putInt(at + RecordBatchV2.BATCH_LENGTH, batchBytes - RecordBatchV2.LOG_OVERHEAD_BYTES);
        out.putInt(at + RecordBatchV2.PARTITION_LEADER_EPOCH, -1);
        out.put(at + RecordBatchV2.MAGIC, RecordBatchV2.MAGIC_VALUE);
        out.putInt(at + RecordBatchV2.CRC, 0);
        out.putShort(at + RecordBatchV2.ATTRIBUTES, (short) (compressionId & RecordBatchV2.COMPRESSION_MASK));
        out.putInt(at + RecordBatchV2.LAST_OFFSET_DELTA, recordCount - 1);
        out.putLong(at + RecordBatchV2.BASE_TIMESTAMP, baseTimestampMs);
        out.putLong(at + RecordBatchV2.MAX_TIMESTAMP, recordCount == 0 ? baseTimestampMs : maxTimestampMs);
        out.putLong(at + RecordBatchV2.PRODUCER_ID, RecordBatchV2.NO_PRODUCER_ID);
        out.putShort(at + RecordBatchV2.PRODUCER_EPOCH, RecordBatchV2.NO_PRODUCER_EPOCH);
        out.putInt(at + RecordBatchV2.BASE_SEQUENCE, RecordBatchV2.NO_SEQUENCE);
        out.putInt(at + RecordBatchV2.RECORDS_COUNT, recordCount);
    }
}
