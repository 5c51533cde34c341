package io.odradek.domain.transaction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.odradek.domain.TopicPartition;

/**
 * The partitions of the open transaction. With transactions v1 a partition's batches may go only once the
 * coordinator added the partition (AddPartitionsToTxn); with v2 (KIP-890) Produce adds it, so only whether the
 * transaction started at all is kept. I/O thread only.
 */
public final class TransactionPartitions {
    private final Set<TopicPartition> added = new HashSet<>();
    private final Set<TopicPartition> toAdd = new LinkedHashSet<>();
    private final Set<TopicPartition> adding = new HashSet<>();
    /** Something was added to the transaction (a partition, offsets): ending it needs an EndTxn. */
    private boolean started;

    public boolean isAdded(TopicPartition tp) {
        return added.contains(tp);
    }

    /** A batch of {@code tp} waits to be sent: the partition must be added first. */
    public void needs(TopicPartition tp) {
        if (!added.contains(tp) && !adding.contains(tp)) {
            toAdd.add(tp);
        }
    }

    public boolean hasToAdd() {
        return !toAdd.isEmpty();
    }

    /** The partitions to add now; they are being added until {@link #added} or {@link #notAdded}. */
    public List<TopicPartition> takeToAdd() {
        List<TopicPartition> taken = new ArrayList<>(toAdd);
        adding.addAll(toAdd);
        toAdd.clear();
        return taken;
    }

    public void added(Collection<TopicPartition> partitions) {
        adding.removeAll(partitions);
        added.addAll(partitions);
        started = true;
    }

    /** The coordinator did not add them (yet): they are asked for again, if the transaction goes on. */
    public void notAdded(Collection<TopicPartition> partitions) {
        adding.removeAll(partitions);
        toAdd.addAll(partitions);
    }

    public void markStarted() {
        started = true;
    }

    public boolean isStarted() {
        return started;
    }

    /** The transaction ended: the next one starts with no partition. */
    public void clear() {
        added.clear();
        toAdd.clear();
        adding.clear();
        started = false;
    }
}
