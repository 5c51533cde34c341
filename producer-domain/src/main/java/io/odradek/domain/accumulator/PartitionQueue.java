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
    private int inFlightBatches;
    /**
     * Set while a batch of this partition is being retried: only one request per partition may then be in
     * flight, so a retried batch can never be overtaken by a later one (the ordering guarantee Kafka's
     * producer gives with idempotence).
     */
    private boolean retrying;

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

    /**
     * Forgets the sequence numbers of the waiting batches, after the producer epoch was bumped, and takes out
     * those that may already be in the log: under the new epoch the broker could not tell a resend of them
     * from a new batch.
     *
     * @return the batches taken out, whose outcome is unknown
     */
    public synchronized List<ProducerBatch> resetSequences() {
        List<ProducerBatch> inDoubt = new ArrayList<>();
        Iterator<ProducerBatch> it = batches.iterator();
        while (it.hasNext()) {
            ProducerBatch batch = it.next();
            if (batch.baseSequence() != ProducerBatch.NO_SEQUENCE && batch.isOutcomeUnknown()) {
                inDoubt.add(batch);
                it.remove();
            } else {
                batch.baseSequence(ProducerBatch.NO_SEQUENCE);
            }
        }
        return inDoubt;
    }

    public int inFlightBatches() {
        return inFlightBatches;
    }

    public void batchSent() {
        inFlightBatches++;
    }

    public void batchReturned() {
        inFlightBatches--;
    }

    public boolean isRetrying() {
        return retrying;
    }

    public void retrying(boolean retrying) {
        this.retrying = retrying;
    }

    @Override
    public String toString() {
        return "PartitionQueue(" + topicPartition + ")";
    }
}
