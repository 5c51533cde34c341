package io.odradek.domain.sender;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.odradek.api.BrokerErrorException;
import io.odradek.api.Callback;
import io.odradek.api.RecordFuture;
import io.odradek.api.RecordMetadata;
import io.odradek.api.TimeoutException;
import io.odradek.domain.accumulator.BufferPool;
import io.odradek.domain.accumulator.PendingRecord;
import io.odradek.domain.accumulator.PendingRecords;
import io.odradek.domain.accumulator.ProducerBatch;
import io.odradek.domain.accumulator.RecordAccumulator;
import io.odradek.domain.metadata.ClusterView;
import io.odradek.domain.metadata.Metadata;
import io.odradek.domain.metadata.TopicInfo;
import io.odradek.domain.metrics.ProducerMetrics;
import io.odradek.domain.partition.PartitionChooser;
import io.odradek.domain.protocol.KafkaError;

/**
 * Moves records that waited for metadata into batches once their topic is known, and fails those whose
 * {@code max.block.ms} ran out first (the same deadline Kafka's producer blocks {@code send} for). I/O
 * thread only.
 */
final class PendingRecordMover {
    private final PendingRecords pending;
    private final RecordAccumulator accumulator;
    private final BufferPool pool;
    private final Metadata metadata;
    private final PartitionChooser chooser;
    private final ProducerBatch.CompletionListener listener;
    private final long maxBlockNs;
    private final ProducerMetrics metrics;

    PendingRecordMover(PendingRecords pending, RecordAccumulator accumulator, BufferPool pool, Metadata metadata,
                       PartitionChooser chooser, ProducerBatch.CompletionListener listener, long maxBlockNs,
                       ProducerMetrics metrics) {
        this.metrics = metrics;
        this.pending = pending;
        this.accumulator = accumulator;
        this.pool = pool;
        this.metadata = metadata;
        this.chooser = chooser;
        this.listener = listener;
        this.maxBlockNs = maxBlockNs;
    }

    void moveResolved(long nowNs) {
        if (pending.isEmpty()) {
            return;
        }
        ClusterView view = metadata.view();
        for (String topic : pending.topics()) {
            TopicInfo info = view.topic(topic);
            Short error = view.topicErrors().get(topic);
            if (info != null) {
                pending.moveAll(topic, record -> move(record, info, nowNs));
            } else if (error != null && isPermanent(error)) {
                pending.moveAll(topic, record -> fail(record, new BrokerErrorException(error,
                        KafkaError.nameOf(error), "metadata for topic " + topic + " failed")));
            } else {
                metadata.addTopic(topic);
                metadata.requestUpdate();
            }
        }
    }

    private static boolean isPermanent(short error) {
        return error != KafkaError.UNKNOWN_TOPIC_OR_PARTITION && !KafkaError.isRetriable(error);
    }

    private void move(PendingRecord record, TopicInfo info, long nowNs) {
        pool.unreserve(record.reservedBytes());
        int partitionCount = info.partitionCount();
        int partition;
        try {
            partition = record.partition() != null ? checked(record, partitionCount)
                    : chooser.partition(info, record.key(), record.keyBytes(), record.value(), record.valueBytes(),
                    record.reservedBytes());
        } catch (RuntimeException e) {
            failWithoutReservation(record, e);
            return;
        }
        RecordFuture batched;
        try {
            batched = accumulator.appendWithoutBlocking(record.topic(), partition, record.timestampMs(),
                    record.keyBytes(), record.valueBytes(), record.headers(), record.callback());
        } catch (RuntimeException e) {
            // Never drop an accepted record silently: whatever went wrong, its sender hears of it.
            failWithoutReservation(record, e);
            return;
        }
        // The deadline is max.block.ms after the send: what is left of it tells how long the record waited.
        metrics.latency().metadataWaited(nowNs - (record.deadlineNs() - maxBlockNs), nowNs / 1_000_000L);
        // Rare (a record that waited for metadata), so composing through a CompletableFuture is fine here.
        batched.toCompletableFuture().whenComplete((metadata, error) -> {
            if (error == null) {
                record.future().complete(metadata);
            } else {
                record.future().completeExceptionally(error);
            }
        });
    }

    private static int checked(PendingRecord record, int partitionCount) {
        int partition = record.partition();
        if (partition >= partitionCount) {
            throw new IllegalArgumentException("Invalid partition given with record: " + partition
                    + " is not in the range [0..." + partitionCount + ") of topic " + record.topic());
        }
        return partition;
    }

    void expire(long nowNs) {
        if (pending.isEmpty()) {
            return;
        }
        List<PendingRecord> expired = pending.removeExpired(record -> nowNs >= record.deadlineNs());
        for (PendingRecord record : expired) {
            fail(record, new TimeoutException("Topic " + record.topic() + " not present in metadata after "
                    + TimeUnit.NANOSECONDS.toMillis(maxBlockNs) + " ms (max.block.ms)."));
        }
    }

    long earliestDeadlineNs() {
        return pending.isEmpty() ? Long.MAX_VALUE : pending.earliestDeadlineNs();
    }

    /** Fails every waiting record (close or a fatal error). */
    void failAll(RuntimeException error) {
        List<PendingRecord> all = pending.removeExpired(record -> true);
        for (PendingRecord record : all) {
            fail(record, error);
        }
    }

    private void fail(PendingRecord record, RuntimeException error) {
        pool.unreserve(record.reservedBytes());
        failWithoutReservation(record, error);
    }

    private void failWithoutReservation(PendingRecord record, RuntimeException error) {
        RecordMetadata metadata = new RecordMetadata(record.topic(),
                record.partition() == null ? -1 : record.partition(), RecordMetadata.UNKNOWN_OFFSET,
                record.timestampMs(), length(record.keyBytes()), length(record.valueBytes()));
        Callback callback = record.callback();
        metrics.send().failedAtSend(metrics.registry().nowMs());
        listener.onRecordCompleted(metadata, error, callback);
        record.future().completeExceptionally(error);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? -1 : bytes.length;
    }
}
