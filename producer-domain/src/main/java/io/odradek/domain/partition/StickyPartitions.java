package io.odradek.domain.partition;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where records without a key go (KIP-480, KIP-794): one partition per topic until about a batch's worth
 * of bytes went to it, then another, chosen at random, so batches fill up and partitions get equal shares.
 * Lock-free: two threads racing at a switch may each send a record to the old partition, which is harmless.
 */
public final class StickyPartitions {
    private final int batchSizeBytes;
    private final ConcurrentHashMap<String, Sticky> byTopic = new ConcurrentHashMap<>();

    public StickyPartitions(int batchSizeBytes) {
        this.batchSizeBytes = Math.max(1, batchSizeBytes);
    }

    /** The partition for a record of {@code recordSizeBytes} to {@code topic}, counting its bytes. */
    public int partition(String topic, int partitionCount, int recordSizeBytes) {
        Sticky sticky = byTopic.get(topic);
        if (sticky == null) {
            sticky = byTopic.computeIfAbsent(topic, t -> new Sticky(partitionCount));
        }
        return sticky.next(partitionCount, recordSizeBytes, batchSizeBytes);
    }

    private static final class Sticky {
        private volatile int partition;
        private final AtomicInteger producedBytes = new AtomicInteger();

        Sticky(int partitionCount) {
            this.partition = ThreadLocalRandom.current().nextInt(partitionCount);
        }

        int next(int partitionCount, int recordSizeBytes, int batchSizeBytes) {
            int current = partition;
            if (current >= partitionCount) {
                current = switchFrom(current, partitionCount);
            }
            if (producedBytes.addAndGet(recordSizeBytes) >= batchSizeBytes) {
                producedBytes.set(0);
                switchFrom(current, partitionCount);
            }
            return current;
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
