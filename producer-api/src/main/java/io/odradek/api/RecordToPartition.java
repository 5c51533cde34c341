package io.odradek.api;

import java.util.Objects;

/**
 * What a {@link Partitioner} is told of a record that names no partition: its topic, and its key and value
 * both as the application gave them and as the serializers turned them into bytes.
 *
 * @param keyBytes   the serialized key, or null for a null key
 * @param valueBytes the serialized value, or null for a null value
 */
public record RecordToPartition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes) {

    public RecordToPartition {
        Objects.requireNonNull(topic, "topic");
    }
}
