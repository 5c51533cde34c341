package io.odradek.domain.idempotence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import io.odradek.domain.accumulator.ProducerBatch;

/**
 * One partition's sequence bookkeeping for the idempotent producer: the id and epoch the partition's batches use,
 * the next sequence to give out, the last one the broker acknowledged, and the batches that have a sequence but no
 * final outcome yet (on the wire, or waiting for a retry).
 *
 * <p>A partition keeps its epoch until all of its unfinished batches are done, even after the producer's epoch
 * moved on: a retry keeps the identity it was first sent with, so the broker can recognise it as a duplicate.
 * Only then does the partition start again at sequence 0 under the producer's current epoch.
 */
final class PartitionSequences {
    static final int NO_SEQUENCE = -1;

    private IdAndEpoch identity = IdAndEpoch.NONE;
    private int nextSequence;
    private int lastAckedSequence = NO_SEQUENCE;
    /** Batches with a sequence and no final outcome, in sequence order (the order they were drained in). */
    private LinkedHashSet<ProducerBatch> unfinished = new LinkedHashSet<>();
    /**
     * Set when a batch that may have been written failed for good: whether it is in the log is known only once the
     * partition's unfinished batches are done (if a later sequence was acknowledged, it is). Until then no new
     * batch gets a sequence. The value is the sequence right after the failed batch.
     */
    private int unresolvedNextSequence = NO_SEQUENCE;

    IdAndEpoch identity() {
        return identity;
    }

    boolean hasUnfinished() {
        return !unfinished.isEmpty();
    }

    /** Whether the broker acknowledged a batch of this partition under its current identity. */
    boolean hasAcknowledged() {
        return lastAckedSequence != NO_SEQUENCE;
    }

    boolean isUnresolved() {
        return unresolvedNextSequence != NO_SEQUENCE;
    }

    int unresolvedNextSequence() {
        return unresolvedNextSequence;
    }

    /** Starts over under {@code newIdentity}; only when nothing is unfinished. */
    void restart(IdAndEpoch newIdentity) {
        identity = newIdentity;
        nextSequence = 0;
        lastAckedSequence = NO_SEQUENCE;
        unresolvedNextSequence = NO_SEQUENCE;
    }

    /** Gives a batch drained for the first time its identity and sequence. */
    void assign(ProducerBatch batch) {
        batch.assignSequence(identity.producerId(), identity.epoch(), nextSequence);
        nextSequence = wrap(nextSequence + batch.recordCount());
        unfinished.add(batch);
    }

    void acknowledged(ProducerBatch batch) {
        unfinished.remove(batch);
        // A late answer for an older batch (a duplicate resolved after later ones) must not move it back.
        if (identity.stamped(batch) && (lastAckedSequence == NO_SEQUENCE || batch.lastSequence() > lastAckedSequence)) {
            lastAckedSequence = batch.lastSequence();
        }
    }

    /** Forgets a batch that failed for good; false if it was not unfinished here. */
    boolean failed(ProducerBatch batch) {
        return unfinished.remove(batch);
    }

    void markUnresolved(ProducerBatch failed) {
        int next = wrap(failed.lastSequence() + 1);
        unresolvedNextSequence = unresolvedNextSequence == NO_SEQUENCE ? next : Math.max(unresolvedNextSequence, next);
    }

    /**
     * Once nothing is unfinished, decides an unresolved partition: true if the failed batch is known to be in the log
     * (the last sequence given out was acknowledged, and the broker takes sequences only in order); false if that is
     * unknown and the partition needs a new epoch.
     */
    boolean resolve() {
        boolean written = wrap(lastAckedSequence + 1) == nextSequence;
        unresolvedNextSequence = NO_SEQUENCE;
        return written;
    }

    boolean isNextExpected(ProducerBatch batch) {
        return batch.baseSequence() == wrap(lastAckedSequence + 1);
    }

    /** Whether the whole batch is at or below the last acknowledged sequence of the same identity. */
    boolean isAcknowledgedAlready(ProducerBatch batch) {
        return identity.stamped(batch) && lastAckedSequence != NO_SEQUENCE && batch.lastSequence() <= lastAckedSequence;
    }

    boolean hasUnfinishedOnWire() {
        for (ProducerBatch batch : unfinished) {
            if (batch.isOnWire()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves every unfinished batch to {@code newIdentity}, from sequence 0 in their order, when the old sequences
     * can no longer be written; none of them is on the wire.
     *
     * @param stateLost the broker lost the producer's state here: a batch that may already have been written
     *                  cannot move (under the new epoch the broker would store a resend as new), and is returned to
     *                  be failed. Otherwise the old sequences met a gap the broker never filled, so no later batch can
     *                  be in the log: every batch moves.
     * @return the batches that did not move
     */
    List<ProducerBatch> resequence(IdAndEpoch newIdentity, boolean stateLost) {
        identity = newIdentity;
        int sequence = 0;
        List<ProducerBatch> inDoubt = new ArrayList<>();
        LinkedHashSet<ProducerBatch> moved = new LinkedHashSet<>();
        for (ProducerBatch batch : unfinished) {
            if (stateLost && batch.isPossiblyWritten()) {
                inDoubt.add(batch);
                continue;
            }
            batch.resequence(newIdentity.producerId(), newIdentity.epoch(), sequence);
            sequence = wrap(sequence + batch.recordCount());
            moved.add(batch);
        }
        unfinished = moved;
        nextSequence = sequence;
        lastAckedSequence = NO_SEQUENCE;
        unresolvedNextSequence = NO_SEQUENCE;
        return inDoubt;
    }

    /** Sequences wrap around to 0 after Integer.MAX_VALUE, as the broker expects. */
    static int wrap(int sequence) {
        return sequence < 0 ? sequence - Integer.MIN_VALUE : sequence;
    }

    @Override
    public String toString() {
        return identity + ", next " + nextSequence + ", last acked " + lastAckedSequence + ", unfinished "
                + unfinished.size() + (isUnresolved() ? ", unresolved at " + unresolvedNextSequence : "");
    }
}
