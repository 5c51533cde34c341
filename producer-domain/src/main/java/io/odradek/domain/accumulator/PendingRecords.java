package io.odradek.domain.accumulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Records waiting for their topic's metadata, per topic, in send order. While a topic has records here,
 * later records of that topic queue behind them too, so a partition's order is the order of the sends.
 */
public final class PendingRecords {
    private final ConcurrentHashMap<String, TopicPending> byTopic = new ConcurrentHashMap<>();
    /** Lets the send path skip the map lookup in the common case of nothing pending at all. */
    private final AtomicInteger total = new AtomicInteger();

    /** Whether records of {@code topic} must wait here (any thread). */
    public boolean mustWait(String topic) {
        if (total.get() == 0) {
            return false;
        }
        TopicPending pending = byTopic.get(topic);
        return pending != null && pending.count.get() > 0;
    }

    public void add(PendingRecord record) {
        TopicPending pending = byTopic.computeIfAbsent(record.topic(), t -> new TopicPending());
        pending.count.incrementAndGet();
        total.incrementAndGet();
        pending.records.add(record);
    }

    public boolean isEmpty() {
        return total.get() == 0;
    }

    public int size() {
        return total.get();
    }

    /** Topics with waiting records. */
    public List<String> topics() {
        List<String> topics = new ArrayList<>();
        for (Map.Entry<String, TopicPending> entry : byTopic.entrySet()) {
            if (entry.getValue().count.get() > 0) {
                topics.add(entry.getKey());
            }
        }
        return topics;
    }

    /**
     * Hands each waiting record of {@code topic} to {@code mover}, in order (I/O thread). The record leaves the
     * queue, and the count drops, only after the mover took it: a concurrent send keeps queueing behind it, and
     * a concurrent flush, which waits for what {@link #snapshot} shows and then for the incomplete batches,
     * finds the record in one or the other.
     */
    public void moveAll(String topic, Consumer<PendingRecord> mover) {
        TopicPending pending = byTopic.get(topic);
        if (pending == null) {
            return;
        }
        PendingRecord record;
        // Only the I/O thread takes records out, so the head it peeked is still the head when it polls.
        while ((record = pending.records.peek()) != null) {
            try {
                mover.accept(record);
            } finally {
                pending.records.poll();
                pending.count.decrementAndGet();
                total.decrementAndGet();
            }
        }
    }

    /** Removes the records {@code expired} selects, from the head of each topic's queue (I/O thread). */
    public List<PendingRecord> removeExpired(Predicate<PendingRecord> expired) {
        List<PendingRecord> removed = new ArrayList<>();
        for (TopicPending pending : byTopic.values()) {
            PendingRecord head;
            while ((head = pending.records.peek()) != null && expired.test(head)) {
                if (pending.records.remove(head)) {
                    removed.add(head);
                    pending.count.decrementAndGet();
                    total.decrementAndGet();
                }
            }
        }
        return removed;
    }

    /** The earliest deadline of a waiting record, for the sender's next wake-up. */
    public long earliestDeadlineNs() {
        long earliest = Long.MAX_VALUE;
        for (TopicPending pending : byTopic.values()) {
            PendingRecord head = pending.records.peek();
            if (head != null) {
                earliest = Math.min(earliest, head.deadlineNs());
            }
        }
        return earliest;
    }

    /** Every record still waiting, for waiting on them in flush. */
    public List<PendingRecord> snapshot() {
        List<PendingRecord> all = new ArrayList<>();
        for (TopicPending pending : byTopic.values()) {
            all.addAll(pending.records);
        }
        return all;
    }

    private static final class TopicPending {
        final ConcurrentLinkedQueue<PendingRecord> records = new ConcurrentLinkedQueue<>();
        final AtomicInteger count = new AtomicInteger();
    }
}
