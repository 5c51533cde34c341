package io.odradek.domain.partition;

import java.util.concurrent.ConcurrentHashMap;

import io.odradek.api.Partitioner;
import io.odradek.api.RecordToPartition;
import io.odradek.domain.metadata.Metadata;
import io.odradek.domain.metadata.TopicInfo;

/**
 * Picks the partition of a record that names none: the user's partitioner when one is configured, else
 * Kafka's built-in rule (murmur2 of the key, sticky for null keys or when keys are ignored).
 */
public final class PartitionChooser {
    private final Partitioner custom;
    private final StickyPartitions sticky;
    private final boolean ignoreKeys;
    private final Metadata metadata;
    /** One view per topic, made again only when metadata replaced the topic's {@link TopicInfo}. */
    private final ConcurrentHashMap<String, TopicPartitionsView> views = new ConcurrentHashMap<>();

    public PartitionChooser(Partitioner custom, int batchSizeBytes, boolean ignoreKeys, Metadata metadata) {
        this.custom = custom;
        this.sticky = new StickyPartitions(batchSizeBytes);
        this.ignoreKeys = ignoreKeys;
        this.metadata = metadata;
    }

    /**
     * @param recordSizeBytes the record's approximate size, which the sticky partitioner counts
     */
    public int partition(TopicInfo topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes,
                         int recordSizeBytes) {
        if (custom != null) {
            int partition = custom.partition(new RecordToPartition(topic.name(), key, keyBytes, value, valueBytes),
                    view(topic));
            if (partition < 0 || partition >= topic.partitionCount()) {
                throw new IllegalArgumentException("Partitioner " + custom.getClass().getName() + " chose partition "
                        + partition + " for topic " + topic.name() + ", which has partitions [0.."
                        + (topic.partitionCount() - 1) + "]");
            }
            return partition;
        }
        if (isSticky(keyBytes)) {
            return sticky.partition(topic, recordSizeBytes);
        }
        return Murmur2.partitionFor(keyBytes, topic.partitionCount());
    }

    /** Whether a record with this key goes to the sticky partition (no partitioner configured, no key used). */
    public boolean isSticky(byte[] keyBytes) {
        return custom == null && (keyBytes == null || ignoreKeys);
    }

    /** The sticky partition to use instead of {@code fullPartition}, whose open batch has no room left. */
    public int moveOn(TopicInfo topic, int fullPartition) {
        return sticky.moveOn(topic, fullPartition);
    }

    /** The topic's partitions as the API shows them, from the same metadata as {@code topic}. */
    public TopicPartitionsView view(TopicInfo topic) {
        TopicPartitionsView view = views.get(topic.name());
        if (view == null || view.source() != topic) {
            view = new TopicPartitionsView(topic, metadata.view().nodes());
            views.put(topic.name(), view);
        }
        return view;
    }

    public void close() {
        if (custom != null) {
            custom.close();
        }
    }
}
