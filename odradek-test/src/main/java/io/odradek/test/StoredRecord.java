package io.odradek.test;

import java.nio.charset.StandardCharsets;

import io.odradek.api.Headers;

/**
 * A record as a {@link FakeKafkaCluster}'s partition holds it: what the producer's serializers made of it, at the
 * offset the partition gave it.
 *
 * @param offset      the record's offset in its partition, counted from 0
 * @param timestampMs the record's timestamp, from the cluster's manual clock unless the record carried its own
 * @param key         the serialized key, or null
 * @param value       the serialized value, or null
 * @param headers     the record's headers
 */
public record StoredRecord(long offset, long timestampMs, byte[] key, byte[] value, Headers headers) {

    /** The key read as UTF-8, for keys a {@code Serializers.string()} wrote; null for a null key. */
    public String keyAsString() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /** The value read as UTF-8, for values a {@code Serializers.string()} wrote; null for a null value. */
    public String valueAsString() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // As text: what a failed assertion prints should be readable for the usual string records.
        return "StoredRecord[offset=" + offset + ", key=" + keyAsString() + ", value=" + valueAsString() + "]";
    }
}
