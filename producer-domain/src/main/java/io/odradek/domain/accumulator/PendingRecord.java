package io.odradek.domain.accumulator;

import java.util.concurrent.CompletableFuture;

import io.odradek.api.Callback;
import io.odradek.api.Headers;
import io.odradek.api.RecordMetadata;

/**
 * A serialized record whose topic's partitions are not known yet. It holds a reservation of
 * {@code reservedBytes} in the buffer pool until it moves into a batch.
 *
 * @param partition the partition the user chose, or null to let the partitioner choose
 * @param key       the key as the application gave it, and {@code value} the value, for a partitioner
 * @param deadlineNs when to give up waiting for metadata ({@code max.block.ms} after the send)
 */
public record PendingRecord(String topic, Integer partition, Object key, byte[] keyBytes, Object value,
                            byte[] valueBytes,
                            Headers headers, long timestampMs, Callback callback,
                            CompletableFuture<RecordMetadata> future, int reservedBytes, long deadlineNs) {
}
