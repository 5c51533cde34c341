package io.odradek.domain.accumulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.odradek.domain.TopicPartition;

/**
 * The batches of one partition waiting to be sent, oldest first. Application threads append to the last
 * batch under this queue's monitor; the I/O thread takes from the front under the same monitor. No lock is
 * shared between partitions.
 *
 * <p>The fields after the deque belong to the I/O thread alone.
 */
public final class PartitionQueue {
    private final TopicPartition topicPartition;
    private final ArrayDeque<ProducerBatch> batches = new ArrayDeque<>();
    private long nextBatchOrder;

    // I/O thread only.
    /** Batches of this partition in requests sent and not answered yet. */
    private int inFlightBatches;
    /** How many of those are retries: while one is, nothing else of the partition goes (see {@link #orderAllowsDrain}). */
    private int retriesInFlight;

    PartitionQueue(TopicPartition topicPartition) {
        this.topicPartition = topicPartition;
    }

    public TopicPartition topicPartition() {
        return topicPartition;
    }

    synchronized ProducerBatch last() {
        return batches.peekLast();
    }

    synchronized void addLast(ProducerBatch batch) {
        batches.addLast(batch);
    }

    /** The oldest batch, or null. */
    public synchronized ProducerBatch peekFirst() {
        return batches.peekFirst();
    }

    /** Whether more than one batch waits: the first one cannot grow any more. */
    public synchronized boolean hasBatchBehindFirst() {
        return batches.size() > 1;
    }

    public synchronized ProducerBatch pollFirst() {
        return batches.pollFirst();
    }

    public synchronized boolean isEmpty() {
        return batches.isEmpty();
    }

    public synchronized int size() {
        return batches.size();
    }

    /**
     * Puts a batch that must be sent again back in the queue, before every batch created after it, so the
     * partition's order (and, with idempotence, its sequence order) holds on the retry whatever order the
     * failures are handled in.
     */
    public synchronized void requeue(ProducerBatch batch) {
        List<ProducerBatch> before = new ArrayList<>();
        while (!batches.isEmpty() && batches.peekFirst().order() < batch.order()) {
            before.add(batches.pollFirst());
        }
        batches.addFirst(batch);
        for (int i = before.size() - 1; i >= 0; i--) {
            batches.addFirst(before.get(i));
        }
    }

    /** The creation order of the next batch; called under this queue's monitor, when a batch is opened. */
    long nextBatchOrder() {
        return nextBatchOrder++;
    }

    /** Takes a waiting batch out of the queue (to fail it); false if it is not here. */
    public synchronized boolean remove(ProducerBatch batch) {
        return batches.remove(batch);
    }

    /** Removes and returns the batches that were never sent (no attempt yet), oldest first. */
    public synchronized List<ProducerBatch> removeUnsent() {
        List<ProducerBatch> unsent = new ArrayList<>();
        Iterator<ProducerBatch> it = batches.iterator();
        while (it.hasNext()) {
            ProducerBatch batch = it.next();
            if (!batch.isRetry()) {
                batch.markFull();
                unsent.add(batch);
                it.remove();
            }
        }
        return unsent;
    }

    /** Removes and returns every batch, for failing them on close or a fatal error. */
    public synchronized List<ProducerBatch> removeAll() {
        List<ProducerBatch> all = new ArrayList<>(batches);
        batches.clear();
        return all;
    }

    /** Removes and returns the batches whose delivery deadline has passed, oldest first. */
    public synchronized List<ProducerBatch> removeExpired(long nowNs, long deliveryTimeoutNs) {
        List<ProducerBatch> expired = null;
        Iterator<ProducerBatch> it = batches.iterator();
        while (it.hasNext()) {
            ProducerBatch batch = it.next();
            if (nowNs - batch.createdNs() < deliveryTimeoutNs) {
                continue;
            }
            if (expired == null) {
                expired = new ArrayList<>();
            }
            expired.add(batch);
            it.remove();
        }
        return expired == null ? List.of() : expired;
    }

    public int inFlightBatches() {
        return inFlightBatches;
    }

    public void batchSent(boolean retry) {
        inFlightBatches++;
        if (retry) {
            retriesInFlight++;
        }
    }

    public void batchReturned(boolean retry) {
        inFlightBatches--;
        if (retry) {
            retriesInFlight--;
        }
    }

    /**
     * Whether sending the first batch now keeps the partition's order. A retry goes only when nothing else of the
     * partition is in flight, and nothing goes while a retry is in flight: a retried batch is never overtaken by a
     * later one, and a later one never meets the broker ahead of the retry it would have to wait for (with
     * idempotence the broker would refuse it as out of order, costing it an attempt). Kafka's producer keeps the
     * same rule: one request per partition while it retries.
     */
    public boolean orderAllowsDrain() {
        if (inFlightBatches == 0) {
            return true;
        }
        ProducerBatch first = peekFirst();
        return retriesInFlight == 0 && first != null && !first.isRetry();
    }

    @Override
    public String toString() {
        return "PartitionQueue(" + topicPartition + ")";
    }
}
