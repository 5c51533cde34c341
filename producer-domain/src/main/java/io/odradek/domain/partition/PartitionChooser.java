package io.odradek.domain.partition;

import io.odradek.api.Partitioner;

/**
 * Picks the partition of a record that names none: the user's partitioner when one is configured, else
 * Kafka's built-in rule (murmur2 of the key, sticky for null keys or when keys are ignored).
 */
public final class PartitionChooser {
    private final Partitioner custom;
    private final StickyPartitions sticky;
    private final boolean ignoreKeys;

    public PartitionChooser(Partitioner custom, int batchSizeBytes, boolean ignoreKeys) {
        this.custom = custom;
        this.sticky = new StickyPartitions(batchSizeBytes);
        this.ignoreKeys = ignoreKeys;
    }

    /**
     * @param recordSizeBytes the record's approximate size, which the sticky partitioner counts
     */
    public int partition(String topic, Object key, byte[] keyBytes, int partitionCount, int recordSizeBytes) {
        if (custom != null) {
            int partition = custom.partition(topic, key, keyBytes, partitionCount);
            if (partition < 0 || partition >= partitionCount) {
                throw new IllegalArgumentException("Partitioner " + custom.getClass().getName() + " chose partition "
                        + partition + " for topic " + topic + ", which has partitions [0.." + (partitionCount - 1) + "]");
            }
            return partition;
        }
        if (isSticky(keyBytes)) {
            return sticky.partition(topic, partitionCount, recordSizeBytes);
        }
        return Murmur2.partitionFor(keyBytes, partitionCount);
    }

    /** Whether a record with this key goes to the sticky partition (no partitioner configured, no key used). */
    public boolean isSticky(byte[] keyBytes) {
        return custom == null && (keyBytes == null || ignoreKeys);
    }

    /** The sticky partition to use instead of {@code fullPartition}, whose open batch has no room left. */
    public int moveOn(String topic, int partitionCount, int fullPartition) {
        return sticky.moveOn(topic, partitionCount, fullPartition);
    }

    public void close() {
        if (custom != null) {
            custom.close();
        }
    }
}
