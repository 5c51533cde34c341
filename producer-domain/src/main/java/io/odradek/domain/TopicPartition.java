package io.odradek.domain;

/**
 * A partition of a topic.
 *
 * <p>equals and hashCode are written out because this is a hash key on the sending path: a record's
 * generated ones link through {@code java.lang.runtime.ObjectMethods} on first use, which spun ~40
 * method-handle classes and delayed the first produce request by ~70 ms in a perf run.
 */
public record TopicPartition(String topic, int partition) {
    @Override
    public boolean equals(Object other) {
        return other instanceof TopicPartition that && partition == that.partition && topic.equals(that.topic);
    }

    @Override
    public int hashCode() {
        return 31 * topic.hashCode() + partition;
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
