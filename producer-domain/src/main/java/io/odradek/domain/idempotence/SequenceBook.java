package io.odradek.domain.idempotence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.odradek.domain.TopicPartition;
import io.odradek.domain.accumulator.ProducerBatch;
import io.odradek.domain.port.RecordBatchFormat;

/**
 * Every partition's sequences (see {@link PartitionSequences}) and the rules the idempotent and the transactional
 * producer share: when a new batch may get a sequence, what an OUT_OF_ORDER_SEQUENCE_NUMBER means, and what a
 * failed batch does to its partition. What to do when a partition's sequences cannot go on differs: the idempotent
 * producer moves the partition to a new epoch of its own, the transactional one aborts the transaction.
 */
public final class SequenceBook {
    private final Map<TopicPartition, PartitionSequences> partitions = new HashMap<>();

    /** What an OUT_OF_ORDER_SEQUENCE_NUMBER for a batch means. */
    public enum OutOfOrder {
        /** The broker took a later sequence of this identity, which it only does in order: the batch is in the log. */
        WRITTEN_ALREADY,
        /** Refused only because an earlier batch is missing (or its fate is still unknown): retrying in order helps. */
        WAITS_FOR_EARLIER,
        /** The next expected sequence itself was refused: the broker's sequence is not where ours is. */
        GAP
    }

    /**
     * Whether the first batch of {@code tp}'s queue, which has no sequence yet, may get one under {@code current}.
     */
    public boolean mayAssign(TopicPartition tp, IdAndEpoch current) {
        PartitionSequences sequences = partitions.get(tp);
        if (sequences == null || !sequences.hasUnfinished()) {
            return sequences == null || !sequences.isUnresolved();
        }
        // The batches on the wire are of an older epoch: a new one at sequence 0 under the new epoch could be
        // written before them, and the broker would then refuse them.
        if (!sequences.identity().equals(current) || sequences.isUnresolved()) {
            return false;
        }
        // Until the broker acknowledged one batch of this partition it keeps no sequence for this producer
        // there and accepts any first sequence: were a second batch in flight, it could be stored while the
        // first failed (NOT_LEADER_OR_FOLLOWER from a partition just coming online), leaving a gap that
        // every retry of the first then hits as OUT_OF_ORDER_SEQUENCE_NUMBER until delivery.timeout.ms.
        return sequences.hasAcknowledged();
    }

    /** Gives a batch drained for the first time its sequence, then writes id, epoch and sequence into it. */
    public void stamp(ProducerBatch batch, IdAndEpoch current, RecordBatchFormat format, boolean transactional) {
        if (!batch.hasSequence()) {
            PartitionSequences sequences = partitions.computeIfAbsent(batch.topicPartition(),
                    tp -> new PartitionSequences());
            if (!sequences.identity().equals(current)) {
                // mayAssign let a new batch through, so nothing of the partition is unfinished under its old epoch.
                sequences.restart(current);
            }
            sequences.assign(batch);
        }
        format.stampProducerIdentity(batch.closedBuffer(), batch.producerId(), batch.producerEpoch(),
                batch.baseSequence(), transactional);
    }

    /** @return true if the partition now needs a new epoch: a failed batch's fate is settled as unknown */
    public boolean acknowledged(ProducerBatch batch) {
        PartitionSequences sequences = partitions.get(batch.topicPartition());
        if (sequences == null || !batch.hasSequence()) {
            return false;
        }
        sequences.acknowledged(batch);
        return resolvesUnknown(sequences);
    }

    public OutOfOrder outOfOrder(ProducerBatch batch) {
        PartitionSequences sequences = partitions.get(batch.topicPartition());
        if (sequences == null) {
            return OutOfOrder.WAITS_FOR_EARLIER;
        }
        if (sequences.isAcknowledgedAlready(batch)) {
            return OutOfOrder.WRITTEN_ALREADY;
        }
        boolean unresolved = sequences.isUnresolved();
        if (!unresolved && (batch.isResequenced() || !sequences.isNextExpected(batch))) {
            return OutOfOrder.WAITS_FOR_EARLIER;
        }
        if (!unresolved || batch.baseSequence() == sequences.unresolvedNextSequence()) {
            return OutOfOrder.GAP;
        }
        return OutOfOrder.WAITS_FOR_EARLIER;
    }

    /**
     * A batch failed for good. One that may have been written leaves its partition unresolved until its other
     * batches are done; one the broker never stored leaves a gap at its sequence.
     *
     * @return true if the partition now needs a new epoch (a gap, or a fate settled as unknown)
     */
    public boolean failed(ProducerBatch batch) {
        PartitionSequences sequences = partitions.get(batch.topicPartition());
        if (sequences == null || !batch.hasSequence() || !sequences.failed(batch)) {
            return false;
        }
        if (!batch.isPossiblyWritten()) {
            // The broker never stored it: the partition's later batches would meet a gap at its sequence (and, as
            // it takes sequences only in order, none of them can be in the log either).
            return true;
        }
        sequences.markUnresolved(batch);
        return resolvesUnknown(sequences);
    }

    /** Once nothing is unfinished, an unresolved partition is settled: true if whether the batch is in is unknown. */
    private static boolean resolvesUnknown(PartitionSequences sequences) {
        return sequences.isUnresolved() && !sequences.hasUnfinished() && !sequences.resolve();
    }

    public boolean hasUnfinishedOnWire(TopicPartition tp) {
        PartitionSequences sequences = partitions.get(tp);
        return sequences != null && sequences.hasUnfinishedOnWire();
    }

    /** See {@link PartitionSequences#resequence}; the partition is known here. */
    public List<ProducerBatch> resequence(TopicPartition tp, IdAndEpoch newIdentity, boolean stateLost) {
        return partitions.computeIfAbsent(tp, t -> new PartitionSequences()).resequence(newIdentity, stateLost);
    }

    /** Forgets every partition's sequences: a new epoch with nothing unfinished (a transaction ended). */
    public void clear() {
        partitions.clear();
    }

    @Override
    public String toString() {
        return partitions.toString();
    }
}
