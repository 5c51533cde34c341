package io.odradek.domain.accumulator;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.odradek.api.Callback;
import io.odradek.api.Headers;
import io.odradek.api.ProducerClosedException;
import io.odradek.api.RecordFuture;
import io.odradek.domain.TopicPartition;
import io.odradek.domain.port.Clock;
import io.odradek.domain.port.CompressionCodec;
import io.odradek.domain.port.RecordBatchFormat;

/**
 * Collects records into per-partition batches in wire format. The only part of the producer that
 * application threads touch; everything else runs on the I/O thread.
 */
public final class RecordAccumulator {
    /** At most this many completion arrays are kept for reuse (buffer.memory / batch.size is 2,048 by default). */
    private static final int MAX_POOLED_COMPLETIONS = 4096;
    private final RecordBatchFormat format;
    private final BufferPool pool;
    private final Clock clock;
    private final int batchSizeBytes;
    private final PollSchedule schedule;

    private final ConcurrentHashMap<String, TopicQueues> topics = new ConcurrentHashMap<>();
    /** Every partition queue, for the I/O thread to scan; grows rarely, read on every poll. */
    private final CopyOnWriteArrayList<PartitionQueue> allQueues = new CopyOnWriteArrayList<>();
    private final Set<ProducerBatch> incomplete = ConcurrentHashMap.newKeySet();
    private final AtomicInteger flushesInProgress = new AtomicInteger();
    private final CompletionsPool completionsPool;
    private volatile boolean closed;

    public RecordAccumulator(RecordBatchFormat format, BufferPool pool, Clock clock, int batchSizeBytes,
                             PollSchedule schedule) {
        this.format = format;
        this.pool = pool;
        this.clock = clock;
        this.batchSizeBytes = batchSizeBytes;
        this.schedule = schedule;
        // As many as there can be batches in flight and waiting: with a thousand partitions there is an open batch
        // for each of them, and a pool capped lower (it was 256) left most batches allocating their arrays anew.
        this.completionsPool = new CompletionsPool((int) Math.min(MAX_POOLED_COMPLETIONS, Math.max(4,
                pool.totalBytes() / Math.max(1, batchSizeBytes))));
    }

    /**
     * Appends a record to the partition's open batch, opening a new one (and waiting up to
     * {@code maxBlockNs} for its memory) when it does not fit.
     *
     * @param moveOnWhenFull for a record the sticky partitioner placed: when it does not fit the open batch,
     *                       that batch is sealed (it goes out without waiting for linger.ms) and null is
     *                       returned instead of opening a new batch here, so the record can go to the next
     *                       sticky partition; with no open batch, one is opened as usual
     * @return the record's future; null only as {@code moveOnWhenFull} says
     * @throws ProducerClosedException when the producer is closing
     * @throws io.odradek.api.TimeoutException when no memory became free in time
     */
    public RecordFuture append(String topic, int partition, long timestampMs, byte[] key, byte[] value,
                               Headers headers, Callback callback, long maxBlockNs, boolean moveOnWhenFull)
            throws InterruptedException {
        PartitionQueue queue = queue(topic, partition);
        RecordFuture future;
        boolean sealed;
        synchronized (queue) {
            ProducerBatch last = queue.last();
            boolean open = last != null && !last.isFull();
            future = tryAppendToLast(queue, timestampMs, key, value, headers, callback);
            sealed = future == null && open;
        }
        if (future != null) {
            return future;
        }
        if (sealed) {
            // Once per batch: when it filled is when it became ready to go, whatever else is queued before it.
            markLastReady(queue);
            // The sealed batch is ready now; the I/O thread may be asleep until linger.ms runs out.
            schedule.wakeNow();
        }
        if (sealed && moveOnWhenFull) {
            return null;
        }
        int sizeBytes = batchBufferSize(key, value, headers);
        ByteBuffer buffer = pool.allocate(sizeBytes, maxBlockNs);
        long openedNs;
        try {
            synchronized (queue) {
                // Another thread may have opened a batch while this one waited for memory.
                future = tryAppendToLast(queue, timestampMs, key, value, headers, callback);
                if (future != null) {
                    return future;
                }
                future = appendToNewBatch(queue, buffer, timestampMs, key, value, headers, callback);
                buffer = null;
                openedNs = queue.last().createdNs();
            }
        } finally {
            if (buffer != null) {
                pool.release(buffer);
            }
        }
        schedule.batchOpened(openedNs, isDraining());
        return future;
    }

    /**
     * Appends from the I/O thread, which must not block: memory is taken beyond the limit if needed, since
     * the caller already held a reservation for the record (see {@link BufferPool#reserve}).
     */
    public RecordFuture appendWithoutBlocking(String topic, int partition, long timestampMs, byte[] key,
                                              byte[] value, Headers headers, Callback callback) {
        PartitionQueue queue = queue(topic, partition);
        synchronized (queue) {
            // No closed check: these records were accepted before close and must still be delivered.
            RecordFuture future = appendToLastIfRoom(queue, timestampMs, key, value, headers, callback);
            if (future != null) {
                return future;
            }
            ByteBuffer buffer = pool.allocateOverCommit(batchBufferSize(key, value, headers));
            return appendToNewBatch(queue, buffer, timestampMs, key, value, headers, callback);
        }
    }

    private RecordFuture tryAppendToLast(PartitionQueue queue, long timestampMs, byte[] key, byte[] value,
                                         Headers headers, Callback callback) {
        if (closed) {
            throw new ProducerClosedException("Cannot send to " + queue.topicPartition()
                    + " after the producer was closed");
        }
        return appendToLastIfRoom(queue, timestampMs, key, value, headers, callback);
    }

    private RecordFuture appendToLastIfRoom(PartitionQueue queue, long timestampMs, byte[] key, byte[] value,
                                            Headers headers, Callback callback) {
        ProducerBatch last = queue.last();
        if (last == null || last.isFull()) {
            return null;
        }
        return last.tryAppend(timestampMs, key, value, headers, callback);
    }

    private RecordFuture appendToNewBatch(PartitionQueue queue, ByteBuffer buffer, long timestampMs, byte[] key,
                                          byte[] value, Headers headers, Callback callback) {
        ProducerBatch last = queue.last();
        long nowNs = clock.nanoTime();
        if (last != null) {
            last.markFull();
            last.markReady(nowNs);
        }
        // Records of one partition tend to be alike: size the completion arrays for records like this one
        // (payload plus a few bytes of framing) so a full batch rarely has to grow them.
        int typicalRecordSize = Math.max(0, length(key)) + Math.max(0, length(value)) + 8;
        ProducerBatch batch = new ProducerBatch(queue.topicPartition(), format.newWriter(buffer, timestampMs),
                buffer, nowNs, queue.nextBatchOrder(),
                completionsPool.take(Math.max(1, buffer.capacity() / typicalRecordSize)));
        RecordFuture future = batch.tryAppend(timestampMs, key, value, headers, callback);
        if (future == null) {
            throw new IllegalStateException("A record of " + typicalRecordSize + " bytes does not fit a new batch of "
                    + buffer.capacity() + " bytes");
        }
        queue.addLast(batch);
        incomplete.add(batch);
        return future;
    }

    private void markLastReady(PartitionQueue queue) {
        ProducerBatch last;
        synchronized (queue) {
            last = queue.last();
        }
        if (last != null && last.isFull()) {
            last.markReady(clock.nanoTime());
        }
    }

    private int batchBufferSize(byte[] key, byte[] value, Headers headers) {
        int needed = format.batchHeaderSizeBytes() + format.maxRecordSizeBytes(length(key), length(value), headers);
        return Math.max(batchSizeBytes, needed);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? -1 : bytes.length;
    }

    private PartitionQueue queue(String topic, int partition) {
        TopicQueues queues = topics.get(topic);
        if (queues == null) {
            queues = topics.computeIfAbsent(topic, TopicQueues::new);
        }
        return queues.queue(partition);
    }

    /** The partition's queue if it exists, else null. */
    public PartitionQueue existingQueue(TopicPartition topicPartition) {
        TopicQueues queues = topics.get(topicPartition.topic());
        return queues == null ? null : queues.existing(topicPartition.partition());
    }

    /** Every partition queue that ever received a record. I/O thread: iterate, don't modify. */
    public List<PartitionQueue> queues() {
        return allQueues;
    }

    /** Topics that have (or had) records, for metadata requests. */
    public Set<String> topics() {
        return topics.keySet();
    }

    /** A batch was completed (acknowledged or failed for good): flush and close no longer wait for it. */
    public void completed(ProducerBatch batch) {
        incomplete.remove(batch);
        completionsPool.give(batch.completions());
    }

    /**
     * A completed batch's memory goes back to the pool; only once no request still holds its buffer (a batch that
     * expired while in flight is completed before the transport is done writing it).
     */
    public void release(ProducerBatch batch) {
        pool.release(batch.memory());
    }

    /**
     * Finishes a drained batch: header, compression (into a pool buffer, freeing the original at once).
     */
    public void close(ProducerBatch batch, CompressionCodec compression, int level) {
        batch.close(compression, level, pool);
    }

    /**
     * Closes the batch at the front of {@code queue} for sending: no more appends reach it.
     * The caller then owns it on the I/O thread.
     */
    public ProducerBatch takeFirst(PartitionQueue queue) {
        ProducerBatch batch = queue.pollFirst();
        if (batch != null) {
            // A retry puts the batch back in the queue, possibly as its last one: appends must not reach it
            // then, since it is already closed and only its closed bytes are sent.
            batch.markFull();
        }
        return batch;
    }

    /** Whether a flush or close wants every batch sent now, linger or not. */
    public boolean isDraining() {
        return flushesInProgress.get() > 0 || closed || pool.hasWaiters();
    }

    public void beginFlush() {
        flushesInProgress.incrementAndGet();
        schedule.wakeNow();
    }

    public void endFlush() {
        flushesInProgress.decrementAndGet();
    }

    /** The batches not completed now; a flush waits for these. */
    public List<ProducerBatch> incompleteBatches() {
        return new ArrayList<>(incomplete);
    }

    public boolean hasIncomplete() {
        return !incomplete.isEmpty();
    }

    /** Refuses further appends; returns once no thread is still appending. */
    public void close() {
        closed = true;
        for (PartitionQueue queue : allQueues) {
            synchronized (queue) {
                // Passing each monitor once guarantees no append that missed the flag is still in progress.
            }
        }
        schedule.wakeNow();
    }

    /** What the I/O thread tells about its next poll, so that a new batch wakes it only when it must. */
    public PollSchedule pollSchedule() {
        return schedule;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Partition queues of one topic, indexed by partition; grown when the topic gains partitions. */
    private final class TopicQueues {
        private final String topic;
        private volatile PartitionQueue[] byPartition = new PartitionQueue[0];

        TopicQueues(String topic) {
            this.topic = topic;
        }

        PartitionQueue queue(int partition) {
            PartitionQueue[] current = byPartition;
            if (partition < current.length && current[partition] != null) {
                return current[partition];
            }
            return create(partition);
        }

        PartitionQueue existing(int partition) {
            PartitionQueue[] current = byPartition;
            return partition < current.length ? current[partition] : null;
        }

        private synchronized PartitionQueue create(int partition) {
            PartitionQueue[] current = byPartition;
            if (partition < current.length && current[partition] != null) {
                return current[partition];
            }
            PartitionQueue[] grown = Arrays.copyOf(current, Math.max(current.length, partition + 1));
            PartitionQueue queue = new PartitionQueue(new TopicPartition(topic, partition));
            grown[partition] = queue;
            allQueues.add(queue);
            byPartition = grown;
            return queue;
        }
    }
}
