package io.odradek.domain.accumulator;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import io.odradek.api.Callback;
import io.odradek.api.Headers;
import io.odradek.api.RecordFuture;
import io.odradek.api.RecordMetadata;
import io.odradek.domain.TopicPartition;
import io.odradek.domain.port.CompressionCodec;
import io.odradek.domain.port.RecordBatchWriter;

/**
 * The records of one partition that travel together. Records are written in wire format into the batch
 * buffer as they are appended; what is needed to complete each record later (its callback, timestamp and
 * sizes) is kept in parallel arrays rather than an object per record. The futures handed to callers point
 * at the batch's {@link BatchOutcome}; the batch does not keep them.
 *
 * <p>Appends happen under the partition's lock; everything after {@link #markDrained} happens on the I/O
 * thread only.
 */
public final class ProducerBatch {
    public static final int NO_SEQUENCE = -1;

    private final TopicPartition topicPartition;
    private final RecordBatchWriter writer;
    private final ByteBuffer buffer;
    private final long createdNs;
    /** Position among its partition's batches, in creation order: retries go back in this order. */
    private final long order;
    private final BatchOutcome outcome;

    private final RecordCompletions completions;
    private int recordCount;
    /** The largest record appended, as encoded: Kafka's record-size-max and -avg are per-batch maxima too. */
    private int maxRecordBytes;
    /** Set when an append did not fit: the batch is ready to go regardless of linger. */
    private volatile boolean full;

    // I/O-thread state, after the batch was drained.
    private ByteBuffer closed;
    private ByteBuffer memory;
    /** Its size before compression, known once closed: the denominator of its compression rate. */
    private int uncompressedBytes;
    /**
     * When it was first ready to go (the sending thread found it full, or the drainer found its linger.ms over or a
     * flush asking for it), when its first request was sent and when its last one was: the stages of the latency
     * breakdown. -1 until they happen. {@code readyNs} is volatile: an application thread sets it as the batch
     * fills, the I/O thread when linger.ms ends, whichever comes first.
     */
    private volatile long readyNs = -1;
    private long firstSentNs = -1;
    private long lastSentNs = -1;
    /**
     * The producer id, epoch and sequence the batch was first sent with. A retry is sent with the same three, even
     * after the producer's epoch moved on: only they let the broker recognise a resend of an attempt whose answer
     * was lost as a duplicate. They change only when the broker lost the partition's producer state and every
     * unfinished batch of the partition starts again at sequence 0 under a new epoch ({@link #resequence}).
     */
    private long producerId = -1L;
    private short producerEpoch = -1;
    private int baseSequence = NO_SEQUENCE;
    /** Set by {@link #resequence}: answers about the old sequence (OUT_OF_ORDER_SEQUENCE_NUMBER) are expected. */
    private boolean resequenced;
    private int attempts;
    private long retryNotBeforeNs;
    private boolean completed;
    /** In a request that was sent and has not been answered (or failed) yet: its buffer may still be written. */
    private boolean onWire;
    /**
     * Set when an attempt may have been written: its answer was lost (connection broken, request timed out) or the
     * broker appended it but timed out waiting for replicas. If the batch fails, its records may be in the log.
     */
    private boolean possiblyWritten;

    ProducerBatch(TopicPartition topicPartition, RecordBatchWriter writer, ByteBuffer buffer, long createdNs,
                  long order, RecordCompletions completions) {
        this.topicPartition = topicPartition;
        this.writer = writer;
        this.buffer = buffer;
        this.memory = buffer;
        this.createdNs = createdNs;
        this.order = order;
        this.completions = completions;
        this.outcome = new BatchOutcome(topicPartition.topic(), topicPartition.partition());
    }

    /**
     * Appends a record; null when it does not fit (the batch is then full).
     */
    RecordFuture tryAppend(long timestampMs, byte[] key, byte[] value, Headers headers, Callback callback) {
        int recordBytes = writer.append(timestampMs, key, value, headers);
        if (recordBytes == RecordBatchWriter.DOES_NOT_FIT) {
            full = true;
            return null;
        }
        if (recordBytes > maxRecordBytes) {
            maxRecordBytes = recordBytes;
        }
        int keySize = key == null ? -1 : key.length;
        int valueSize = value == null ? -1 : value.length;
        completions.set(recordCount, callback, timestampMs, keySize, valueSize);
        return new RecordInBatch(outcome, recordCount++, timestampMs, keySize, valueSize);
    }

    RecordCompletions completions() {
        return completions;
    }

    public TopicPartition topicPartition() {
        return topicPartition;
    }

    public int recordCount() {
        return recordCount;
    }

    public int sizeBytes() {
        return closed != null ? closed.remaining() : writer.sizeBytes();
    }

    public long createdNs() {
        return createdNs;
    }

    long order() {
        return order;
    }

    /** Whether an append already found no room: the batch cannot grow, send it without lingering. */
    public boolean isFull() {
        return full;
    }

    void markFull() {
        full = true;
    }

    RecordBatchWriter writer() {
        return writer;
    }

    /**
     * Ends the batch for sending (once, on the I/O thread). With compression the records move to a new
     * buffer and the original goes back to the pool right away.
     */
    void close(CompressionCodec compression, int level, BufferPool pool) {
        CompressionBuffer compressedInto = new CompressionBuffer(pool);
        uncompressedBytes = writer.sizeBytes();
        closed = writer.close(compression, level, compressedInto);
        if (compressedInto.taken != null) {
            pool.release(buffer);
            memory = compressedInto.taken;
        }
    }

    /** The pool buffer that holds the batch now. */
    ByteBuffer memory() {
        return memory;
    }

    public boolean isClosed() {
        return closed != null;
    }

    /** Its size over its size before compression: 1 without compression; only once closed. */
    public double compressionRatio() {
        return uncompressedBytes == 0 ? 1.0 : (double) closed.remaining() / uncompressedBytes;
    }

    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    /** It is ready to go (full, lingered, flushed); only the first time counts. */
    public void markReady(long nowNs) {
        if (readyNs < 0) {
            readyNs = nowNs;
        }
    }

    /** A request with this batch was handed to the connection. I/O thread. */
    public void markSent(long nowNs) {
        markReady(nowNs);
        if (firstSentNs < 0) {
            firstSentNs = nowNs;
        }
        lastSentNs = nowNs;
    }

    public long readyNs() {
        return readyNs;
    }

    public long firstSentNs() {
        return firstSentNs;
    }

    public long lastSentNs() {
        return lastSentNs;
    }

    /** The finished batch bytes, position 0 to limit; null until drained. */
    public ByteBuffer closedBuffer() {
        return closed;
    }

    public long producerId() {
        return producerId;
    }

    public short producerEpoch() {
        return producerEpoch;
    }

    public int baseSequence() {
        return baseSequence;
    }

    /** The sequence of the batch's last record (sequences wrap around to 0 after Integer.MAX_VALUE). */
    public int lastSequence() {
        int last = baseSequence + recordCount - 1;
        return last < 0 ? last - Integer.MIN_VALUE : last;
    }

    public boolean hasSequence() {
        return baseSequence != NO_SEQUENCE;
    }

    /** Gives the batch its producer id, epoch and first sequence, the first time it is drained. */
    public void assignSequence(long producerId, short producerEpoch, int baseSequence) {
        this.producerId = producerId;
        this.producerEpoch = producerEpoch;
        this.baseSequence = baseSequence;
    }

    /** Moves an unfinished batch to a new epoch and sequence, after the broker lost the partition's producer state. */
    public void resequence(long producerId, short producerEpoch, int baseSequence) {
        assignSequence(producerId, producerEpoch, baseSequence);
        resequenced = true;
    }

    public boolean isResequenced() {
        return resequenced;
    }

    public int attempts() {
        return attempts;
    }

    public void recordAttempt() {
        attempts++;
    }

    public long retryNotBeforeNs() {
        return retryNotBeforeNs;
    }

    public void retryNotBeforeNs(long ns) {
        this.retryNotBeforeNs = ns;
    }

    public void markPossiblyWritten() {
        possiblyWritten = true;
    }

    /** Whether an attempt may have been written; see {@link #possiblyWritten}. */
    public boolean isPossiblyWritten() {
        return possiblyWritten;
    }

    public boolean isOnWire() {
        return onWire;
    }

    public void onWire(boolean onWire) {
        this.onWire = onWire;
    }

    public boolean isRetry() {
        return attempts > 0;
    }

    public boolean isCompleted() {
        return completed;
    }

    /** The error the batch's records failed with; null if they succeeded or the batch is not completed. */
    public RuntimeException error() {
        return completed ? outcome.error() : null;
    }

    /**
     * Completes every record: with offsets from {@code baseOffset} (-1 when unknown), or with {@code error}.
     * Callbacks run here, in record order, after the listener saw each record; the records' futures are done
     * after every callback ran, as with Kafka's producer. A record's metadata is built only for a callback or
     * a listener that wants it.
     *
     * @return false if the batch was already completed (nothing happens then)
     */
    public boolean complete(long baseOffset, long logAppendTimeMs, RuntimeException error,
                            CompletionListener listener) {
        if (completed) {
            return false;
        }
        completed = true;
        outcome.settle(baseOffset, logAppendTimeMs, error);
        boolean everyRecord = listener.observesEveryRecord();
        for (int i = 0; i < recordCount; i++) {
            Callback callback = completions.callbacks[i];
            if (callback == null && !everyRecord) {
                continue;
            }
            RecordMetadata metadata = outcome.metadata(i, completions.timestamps[i], completions.keySize(i),
                    completions.valueSize(i));
            listener.onRecordCompleted(metadata, error, callback);
        }
        completions.clear(recordCount);
        outcome.release();
        return true;
    }

    /**
     * Waits until the batch completed and every future of its records is done, including futures derived from
     * them (a record that waited for metadata hands its sender one); false if the wait timed out.
     */
    public boolean awaitCompletion(long timeoutNs) throws InterruptedException {
        return outcome.awaitCompletion(timeoutNs, TimeUnit.NANOSECONDS);
    }

    @Override
    public String toString() {
        return "ProducerBatch(" + topicPartition + ", records=" + recordCount + ", producerId=" + producerId
                + ", epoch=" + producerEpoch + ", sequence=" + baseSequence + ", attempts=" + attempts + ")";
    }

    /** The buffer a compressing writer asks for, taken from the pool and remembered to be released later. */
    private static final class CompressionBuffer implements IntFunction<ByteBuffer> {
        private final BufferPool pool;
        private ByteBuffer taken;

        CompressionBuffer(BufferPool pool) {
            this.pool = pool;
        }

        @Override
        public ByteBuffer apply(int sizeBytes) {
            taken = pool.allocateOverCommit(sizeBytes);
            return taken;
        }
    }

    /** Sees each record as its batch completes: interceptors, then the user's callback. */
    public interface CompletionListener {
        void onRecordCompleted(RecordMetadata metadata, RuntimeException error, Callback callback);

        /** Whether to hear of records without a callback too (interceptors); else only those with one. */
        boolean observesEveryRecord();
    }
}
