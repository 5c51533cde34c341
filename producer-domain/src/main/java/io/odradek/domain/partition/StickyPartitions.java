package io.odradek.domain.partition;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where records without a key go (KIP-480, KIP-794): one partition per topic while its open batch fills up,
 * then another, chosen at random, so batches leave full and partitions get equal shares.
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
    public int partition(String topic, int partitionCount, int recordSizeBytes) {
        return sticky(topic, partitionCount).next(partitionCount, recordSizeBytes, switchAfterBytes);
    }

    /**
     * The partition to use instead of {@code fullPartition}, whose open batch just filled up: another one,
     * unless another thread already moved the topic on (its choice is kept).
     */
    public int moveOn(String topic, int partitionCount, int fullPartition) {
        return sticky(topic, partitionCount).moveOn(partitionCount, fullPartition);
    }

    private Sticky sticky(String topic, int partitionCount) {
        Sticky sticky = byTopic.get(topic);
        if (sticky == null) {
            sticky = byTopic.computeIfAbsent(topic, t -> new Sticky(partitionCount));
        }
        return sticky;
    }

    private static final class Sticky {
        private volatile int partition;
        private final AtomicInteger producedBytes = new AtomicInteger();

        Sticky(int partitionCount) {
            this.partition = ThreadLocalRandom.current().nextInt(partitionCount);
        }

        int next(int partitionCount, int recordSizeBytes, int switchAfterBytes) {
            int current = partition;
            if (current >= partitionCount) {
                current = switchFrom(current, partitionCount);
            }
            if (producedBytes.addAndGet(recordSizeBytes) >= switchAfterBytes) {
                producedBytes.set(0);
                switchFrom(current, partitionCount);
            }
            return current;
        }

        int moveOn(int partitionCount, int fullPartition) {
            int current = partition;
            if (current != fullPartition && current < partitionCount) {
                return current;
            }
            producedBytes.set(0);
            return switchFrom(fullPartition, partitionCount);
        }

        private int switchFrom(int current, int partitionCount) {
            int next = partitionCount == 1 ? 0 : ThreadLocalRandom.current().nextInt(partitionCount - 1);
            if (partitionCount > 1 && next >= current) {
                next++;
            }
            partition = Math.min(next, partitionCount - 1);
            return partition;
        }
    }
}
