package io.odradek.domain.port;

import java.nio.ByteBuffer;

import io.odradek.api.Headers;

/** The record batch layout (Kafka's RecordBatch v2): sizes, a writer, and the producer-identity stamp. */
public interface RecordBatchFormat {

    /** Bytes of the batch header before the first record. */
    int batchHeaderSizeBytes();

    /** An upper bound of the encoded size of one record with these lengths (-1 for null key/value). */
    int maxRecordSizeBytes(int keyLength, int valueLength, Headers headers);

    /**
     * Starts a batch at {@code buffer}'s position; records go up to its limit. The writer owns the buffer
     * until {@link RecordBatchWriter#close} returns.
     */
    RecordBatchWriter newWriter(ByteBuffer buffer, long baseTimestampMs);

    /**
     * Writes the producer id, epoch, base sequence and transactional flag into a closed batch and
     * recomputes its CRC. Called when the batch is first drained and again if its identity changes
     * (epoch bump) before a retry. {@code batch} spans exactly the batch, position 0 to limit.
     */
    void stampProducerIdentity(ByteBuffer batch, long producerId, short producerEpoch, int baseSequence,
                               boolean transactional);
}
