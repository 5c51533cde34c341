package io.odradek.domain.sender;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.odradek.domain.accumulator.PartitionQueue;
import io.odradek.domain.accumulator.ProducerBatch;
import io.odradek.domain.accumulator.RecordAccumulator;
import io.odradek.domain.idempotence.ProducerIdentity;
import io.odradek.domain.metadata.ClusterView;
import io.odradek.domain.metadata.Metadata;
import io.odradek.domain.metadata.TopicInfo;
import io.odradek.domain.port.RecordBatchFormat;

/**
 * Decides which batches go out now and to which broker: a broker is ready when one of its partitions has a
 * batch that is full, lingered long enough, is being flushed, or is a retry whose backoff passed; then
 * every partition it leads contributes its first batch, up to {@code max.request.size}. I/O thread only.
 */
final class ProduceDrainer {
    private final RecordAccumulator accumulator;
    private final ProducerIdentity identity;
    private final Metadata metadata;
    private final RecordBatchFormat format;
    private final SenderSettings settings;
    private int rotation;
    /** The earliest time a batch that is not ready yet will be: the sender's next wake-up. */
    private long nextReadyNs = Long.MAX_VALUE;
    /** The oldest first batch of any queue, as of the last {@link #readyLeaders}: when delivery.timeout.ms is next due. */
    private long oldestFirstBatchNs = Long.MAX_VALUE;
    /** Every leader's partition queues with a batch, as of the last {@link #readyLeaders}; lists reused. */
    private final Map<Integer, List<PartitionQueue>> queuesByLeader = new HashMap<>();
    /** What {@link #readyLeaders} returns: the leaders with a ready batch; valid until the next call. */
    private final Map<Integer, List<PartitionQueue>> readyLeaders = new HashMap<>();

    ProduceDrainer(RecordAccumulator accumulator, ProducerIdentity identity, Metadata metadata,
                   RecordBatchFormat format, SenderSettings settings) {
        this.accumulator = accumulator;
        this.identity = identity;
        this.metadata = metadata;
        this.format = format;
        this.settings = settings;
    }

    long nextReadyNs() {
        return nextReadyNs;
    }

    /**
     * When the oldest batch at the head of a queue was created, as of the last {@link #readyLeaders} (a batch
     * drained since then only makes this earlier than it need be; batches opened since are younger).
     */
    long oldestFirstBatchNs() {
        return oldestFirstBatchNs;
    }

    /**
     * Partition queues with something to send, grouped by leader, for leaders with a ready batch. The map and its
     * lists are this drainer's and are reused by the next call: use them before polling again.
     */
    Map<Integer, List<PartitionQueue>> readyLeaders(long nowNs) {
        nextReadyNs = Long.MAX_VALUE;
        oldestFirstBatchNs = Long.MAX_VALUE;
        ClusterView view = metadata.view();
        boolean draining = accumulator.isDraining() || identity.drainsWithoutLinger();
        // Reused from poll to poll: with a thousand partitions on one leader, building these afresh allocated a
        // growing list of them on every poll.
        for (List<PartitionQueue> queues : queuesByLeader.values()) {
            queues.clear();
        }
        readyLeaders.clear();
        for (PartitionQueue queue : accumulator.queues()) {
            ProducerBatch first = queue.peekFirst();
            if (first == null) {
                continue;
            }
            oldestFirstBatchNs = Math.min(oldestFirstBatchNs, first.createdNs());
            TopicInfo topic = view.topic(queue.topicPartition().topic());
            int leader = topic == null ? -1 : topic.leaderOf(queue.topicPartition().partition());
            if (leader < 0) {
                metadata.requestUpdate();
                continue;
            }
            List<PartitionQueue> queues = queuesByLeader.computeIfAbsent(leader, l -> new ArrayList<>());
            queues.add(queue);
            if (isReady(queue, first, nowNs, draining)) {
                readyLeaders.putIfAbsent(leader, queues);
            }
        }
        return readyLeaders;
    }

    /** Whether one of {@code queues} has a first batch that is ready to go now. */
    boolean anyReady(List<PartitionQueue> queues, long nowNs) {
        boolean draining = accumulator.isDraining() || identity.drainsWithoutLinger();
        for (PartitionQueue queue : queues) {
            ProducerBatch first = queue.peekFirst();
            if (first != null && isReady(queue, first, nowNs, draining)) {
                return true;
            }
        }
        return false;
    }

    private boolean isReady(PartitionQueue queue, ProducerBatch first, long nowNs, boolean draining) {
        if (nowNs < first.retryNotBeforeNs()) {
            nextReadyNs = Math.min(nextReadyNs, first.retryNotBeforeNs());
            return false;
        }
        if (!identity.mayDrain(queue)) {
            return false;
        }
        long lingerEndsNs = first.createdNs() + settings.lingerNs();
        if (draining || first.isRetry() || first.isFull() || nowNs >= lingerEndsNs
                || queue.hasBatchBehindFirst()) {
            first.markReady(nowNs);
            return true;
        }
        nextReadyNs = Math.min(nextReadyNs, lingerEndsNs);
        return false;
    }

    /**
     * Takes the first batch of each queue (rotating the starting queue for fairness) until the request
     * would exceed {@code max.request.size}; closes and stamps them for sending.
     */
    List<ProducerBatch> drain(List<PartitionQueue> queues, long nowNs) {
        List<ProducerBatch> batches = new ArrayList<>();
        int sizeBytes = 0;
        int start = rotation++ % Math.max(1, queues.size());
        for (int i = 0; i < queues.size(); i++) {
            PartitionQueue queue = queues.get((start + i) % queues.size());
            ProducerBatch first = queue.peekFirst();
            if (first == null || nowNs < first.retryNotBeforeNs() || !identity.mayDrain(queue)) {
                continue;
            }
            if (!batches.isEmpty() && sizeBytes + first.sizeBytes() > settings.maxRequestSizeBytes()) {
                break;
            }
            ProducerBatch batch = accumulator.takeFirst(queue);
            if (batch == null) {
                continue;
            }
            if (!batch.isClosed()) {
                accumulator.close(batch, settings.compression(), settings.compressionLevel());
            }
            identity.stamp(batch, format);
            batch.recordAttempt();
            sizeBytes += batch.sizeBytes();
            batches.add(batch);
        }
        return batches;
    }
}
