package io.odradek.domain.port;

import java.nio.ByteBuffer;
import java.util.function.IntFunction;

import io.odradek.api.Headers;

/**
 * Appends records in wire format straight into a batch buffer. Used by one thread at a time (the
 * accumulator holds the partition's lock while appending).
 */
public interface RecordBatchWriter {

    /** Returned by {@link #append} when the record does not fit in the buffer's remaining space. */
    int DOES_NOT_FIT = -1;

    /**
     * Appends a record whose offset delta is {@link #recordCount()}.
     *
     * @return the record's encoded size in bytes, or {@link #DOES_NOT_FIT} (nothing was written)
     */
    int append(long timestampMs, byte[] key, byte[] value, Headers headers);

    int recordCount();

    /** Bytes written so far, batch header included. */
    int sizeBytes();

    /**
     * Ends the batch: fills in the header (counts, timestamps, attributes), compresses the records with
     * {@code compression} (null for none) at {@code level}, and returns the finished batch, position 0 to
     * limit, without producer identity and CRC: it becomes a valid batch when
     * {@link RecordBatchFormat#stampProducerIdentity} stamps it, which computes the CRC once. When it
     * compresses it writes into a buffer from {@code allocator} (asked for at least the given size) and the
     * original buffer is free again when this returns.
     */
    ByteBuffer close(CompressionCodec compression, int level, IntFunction<ByteBuffer> allocator);
}
