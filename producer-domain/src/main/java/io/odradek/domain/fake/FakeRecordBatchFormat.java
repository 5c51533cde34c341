package io.odradek.domain.fake;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import io.odradek.api.Header;
import io.odradek.api.Headers;
import io.odradek.domain.port.CompressionCodec;
import io.odradek.domain.port.RecordBatchFormat;
import io.odradek.domain.port.RecordBatchWriter;

/**
 * A record batch layout simple enough to read in a test, standing in for Kafka's RecordBatch v2 so
 * neither the domain's tests nor the test kit need a codec. Header: producer id (long), epoch (short), base sequence (int), record
 * count (int), transactional (byte, 1 or 0). Each record: timestamp (long), key and value as (int length, bytes) with -1 for null, then
 * header count (int) and each header as two (int length, bytes). Compression is ignored.
 */
public final class FakeRecordBatchFormat implements RecordBatchFormat {
    static final int HEADER_SIZE_BYTES = 8 + 2 + 4 + 4 + 1;
    private static final int PRODUCER_ID_OFFSET = 0;
    private static final int EPOCH_OFFSET = 8;
    private static final int SEQUENCE_OFFSET = 10;
    private static final int COUNT_OFFSET = 14;
    private static final int TRANSACTIONAL_OFFSET = 18;

    @Override
    public int batchHeaderSizeBytes() {
        return HEADER_SIZE_BYTES;
    }

    @Override
    public int maxRecordSizeBytes(int keyLength, int valueLength, Headers headers) {
        int size = 8 + 4 + Math.max(0, keyLength) + 4 + Math.max(0, valueLength) + 4;
        for (Header header : headers) {
            size += 4 + header.key().getBytes(StandardCharsets.UTF_8).length + 4
                    + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }

    @Override
    public RecordBatchWriter newWriter(ByteBuffer buffer, long baseTimestampMs) {
        return new Writer(buffer);
    }

    @Override
    public void stampProducerIdentity(ByteBuffer batch, long producerId, short producerEpoch, int baseSequence,
                                      boolean transactional) {
        batch.putLong(PRODUCER_ID_OFFSET, producerId);
        batch.putShort(EPOCH_OFFSET, producerEpoch);
        batch.putInt(SEQUENCE_OFFSET, baseSequence);
        batch.put(TRANSACTIONAL_OFFSET, (byte) (transactional ? 1 : 0));
    }

    /** Reads a batch written by this format, from its position to its limit, without moving it. */
    public static Batch parse(ByteBuffer batch) {
        ByteBuffer in = batch.duplicate();
        int start = in.position();
        long producerId = in.getLong(start + PRODUCER_ID_OFFSET);
        short epoch = in.getShort(start + EPOCH_OFFSET);
        int baseSequence = in.getInt(start + SEQUENCE_OFFSET);
        int count = in.getInt(start + COUNT_OFFSET);
        boolean transactional = in.get(start + TRANSACTIONAL_OFFSET) == 1;
        in.position(start + HEADER_SIZE_BYTES);
        List<Record> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long timestampMs = in.getLong();
            byte[] key = readBytes(in);
            byte[] value = readBytes(in);
            int headerCount = in.getInt();
            Headers headers = new Headers();
            for (int h = 0; h < headerCount; h++) {
                headers.add(new String(readBytes(in), StandardCharsets.UTF_8), readBytes(in));
            }
            records.add(new Record(timestampMs, key, value, headers));
        }
        return new Batch(producerId, epoch, baseSequence, transactional, records);
    }

    private static byte[] readBytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    /** A parsed batch. */
    public record Batch(long producerId, short epoch, int baseSequence, boolean transactional, List<Record> records) {
        public int lastSequence() {
            return baseSequence + records.size() - 1;
        }
    }

    /** A parsed record. */
    public record Record(long timestampMs, byte[] key, byte[] value, Headers headers) {
        public String keyString() {
            return key == null ? null : new String(key, StandardCharsets.UTF_8);
        }

        public String valueString() {
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }
    }

    private final class Writer implements RecordBatchWriter {
        private final ByteBuffer buffer;
        private final int start;
        private int count;

        Writer(ByteBuffer buffer) {
            this.buffer = buffer;
            this.start = buffer.position();
            buffer.putLong(-1L).putShort((short) -1).putInt(-1).putInt(0).put((byte) 0);
        }

        @Override
        public int append(long timestampMs, byte[] key, byte[] value, Headers headers) {
            int size = maxRecordSizeBytes(key == null ? -1 : key.length, value == null ? -1 : value.length, headers);
            if (buffer.remaining() < size) {
                return DOES_NOT_FIT;
            }
            buffer.putLong(timestampMs);
            writeBytes(key);
            writeBytes(value);
            buffer.putInt(headers.size());
            for (Header header : headers) {
                writeBytes(header.key().getBytes(StandardCharsets.UTF_8));
                writeBytes(header.value());
            }
            count++;
            return size;
        }

        private void writeBytes(byte[] bytes) {
            if (bytes == null) {
                buffer.putInt(-1);
            } else {
                buffer.putInt(bytes.length).put(bytes);
            }
        }

        @Override
        public int recordCount() {
            return count;
        }

        @Override
        public int sizeBytes() {
            return buffer.position() - start;
        }

        @Override
        public ByteBuffer close(CompressionCodec compression, int level, IntFunction<ByteBuffer> allocator) {
            buffer.putInt(start + COUNT_OFFSET, count);
            return buffer.duplicate().limit(buffer.position()).position(start).slice();
        }
    }
}
