package io.odradek.api;

/**
 * Where an acknowledged record was stored.
 *
 * @param offset    the record's offset, or -1 when the broker does not say ({@code acks=0})
 * @param timestamp the record's timestamp: the create time sent, or the broker's log append time when the
 *                  topic uses {@code LogAppendTime}
 * @param serializedKeySize   bytes of the serialized key, -1 for a null key
 * @param serializedValueSize bytes of the serialized value, -1 for a null value
 */
public record RecordMetadata(String topic, int partition, long offset, long timestamp,
                             int serializedKeySize, int serializedValueSize) {

    public static final long UNKNOWN_OFFSET = -1L;

    public boolean hasOffset() {
        return offset >= 0;
    }
}
