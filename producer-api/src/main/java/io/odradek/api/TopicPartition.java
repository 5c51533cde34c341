package io.odradek.api;

import java.util.Objects;

/** A partition of a topic, as {@link Producer#sendOffsetsToTransaction} names consumed positions. */
public record TopicPartition(String topic, int partition) {
    public TopicPartition {
        Objects.requireNonNull(topic, "topic must not be null");
        if (partition < 0) {
            throw new IllegalArgumentException("Invalid partition " + partition + " of topic " + topic
                    + ": partitions are numbered from 0");
        }
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
