package io.odradek.domain.partition;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.odradek.domain.metadata.TopicInfo;

/**
 * Where records without a key go (KIP-480, KIP-794): one partition per topic while its open batch fills up,
 * then another, chosen at random among the partitions that have a leader (all of them when none has), so
 * batches leave full and partitions get equal shares. This is Kafka's built-in partitioner with
 * {@code partitioner.adaptive.partitioning.enable=false}: it does not weigh partitions by queue lengths.
 *
 * <p>The producer moves on when the partition's open batch has no room for the next record
 * ({@link #moveOn}): that batch is sealed and sent at once, with no half-empty batch left behind to wait for
 * linger.ms. When batches leave before they fill (linger.ms passes first, at low rates), the partition still
 * changes after about two batches' worth of bytes, as Kafka's producer does at the latest, so every partition
 * gets its share. Lock-free: two threads racing at a switch may each send a record to the old partition, which
 * is harmless.
 */
public final class StickyPartitions {
    private final int switchAfterBytes;
    private final ConcurrentHashMap<String, Sticky> byTopic = new ConcurrentHashMap<>();

    public StickyPartitions(int batchSizeBytes) {
        this.switchAfterBytes = (int) Math.min(Integer.MAX_VALUE, 2L * Math.max(1, batchSizeBytes));
    }

    /** The partition for a record of about {@code recordSizeBytes} to {@code topic}, counting its bytes. */
    public int partition(TopicInfo topic, int recordSizeBytes) {
        return sticky(topic).next(topic, recordSizeBytes, switchAfterBytes);
    }

    /**
     * The partition to use instead of {@code fullPartition}, whose open batch just filled up: another one,
     * unless another thread already moved the topic on (its choice is kept).
     */
    public int moveOn(TopicInfo topic, int fullPartition) {
        return sticky(topic).moveOn(topic, fullPartition);
    }

    private Sticky sticky(TopicInfo topic) {
        Sticky sticky = byTopic.get(topic.name());
        if (sticky == null) {
            sticky = byTopic.computeIfAbsent(topic.name(), t -> new Sticky(topic));
        }
        return sticky;
    }

    private static final class Sticky {
        private volatile int partition;
        private final AtomicInteger producedBytes = new AtomicInteger();

        Sticky(TopicInfo topic) {
            this.partition = randomOtherThan(-1, topic);
        }

        int next(TopicInfo topic, int recordSizeBytes, int switchAfterBytes) {
            int current = partition;
            if (current >= topic.partitionCount()) {
                current = switchFrom(current, topic);
            }
            if (producedBytes.addAndGet(recordSizeBytes) >= switchAfterBytes) {
                producedBytes.set(0);
                switchFrom(current, topic);
            }
            return current;
        }

        int moveOn(TopicInfo topic, int fullPartition) {
            int current = partition;
            if (current != fullPartition && current < topic.partitionCount()) {
                return current;
            }
            producedBytes.set(0);
            return switchFrom(fullPartition, topic);
        }

        private int switchFrom(int current, TopicInfo topic) {
            partition = randomOtherThan(current, topic);
            return partition;
        }

        /**
         * A random partition other than {@code current} (when the topic has another), preferring those with a
         * leader: records for a partition without one would only wait in its queue.
         */
        private static int randomOtherThan(int current, TopicInfo topic) {
            int count = topic.partitionCount();
            int candidates = 0;
            for (int p = 0; p < count; p++) {
                if (p != current && topic.leaderOf(p) >= 0) {
                    candidates++;
                }
            }
            boolean onlyWithLeader = candidates > 0;
            if (!onlyWithLeader) {
                if (current >= 0 && current < count && topic.leaderOf(current) >= 0) {
                    return current;
                }
                candidates = count - (current >= 0 && current < count ? 1 : 0);
            }
            if (candidates <= 0) {
                return Math.max(0, Math.min(current, count - 1));
            }
            int chosen = ThreadLocalRandom.current().nextInt(candidates);
            for (int p = 0; p < count; p++) {
                if (p != current && (!onlyWithLeader || topic.leaderOf(p) >= 0) && chosen-- == 0) {
                    return p;
                }
            }
            throw new IllegalStateException("unreachable: " + candidates + " candidates counted in " + topic.name());
        }
    }
}
