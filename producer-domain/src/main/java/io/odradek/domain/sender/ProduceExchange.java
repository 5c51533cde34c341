package io.odradek.domain.sender;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.odradek.domain.accumulator.PartitionQueue;
import io.odradek.domain.accumulator.ProducerBatch;
import io.odradek.domain.accumulator.RecordAccumulator;
import io.odradek.domain.idempotence.ProducerIdentity;
import io.odradek.domain.metrics.SendMetrics;
import io.odradek.domain.protocol.ProduceRequest;

/**
 * Produce: drains ready batches to their leaders' connections, handles the answers through {@link ProduceCall}s,
 * and keeps every deadline of the records on their way (max.block.ms for those waiting for metadata,
 * delivery.timeout.ms queued and in flight).
 */
final class ProduceExchange implements Exchange {
    private final SenderSettings settings;
    private final RecordAccumulator accumulator;
    private final ProducerIdentity identity;
    private final ProduceDrainer drainer;
    private final BatchOutcomes outcomes;
    private final PendingRecordMover pendingMover;
    private final RequestChannel channel;
    private final SendMetrics metrics;
    private final Set<ProduceCall> inFlight = new LinkedHashSet<>();
    /**
     * Whether this poll's drainer walked every queue: then it knows the oldest batch, and {@link #nextWakeUpNs}
     * need not walk the queues a second time (with a thousand partitions, a thousand monitors per poll).
     */
    private boolean queuesWalked;

    ProduceExchange(SenderSettings settings, RecordAccumulator accumulator, ProducerIdentity identity,
                    ProduceDrainer drainer, BatchOutcomes outcomes, PendingRecordMover pendingMover,
                    RequestChannel channel, SendMetrics metrics) {
        this.metrics = metrics;
        this.settings = settings;
        this.accumulator = accumulator;
        this.identity = identity;
        this.drainer = drainer;
        this.outcomes = outcomes;
        this.pendingMover = pendingMover;
        this.channel = channel;
    }

    @Override
    public void poll(long nowNs) {
        for (ProduceCall call : inFlight) {
            // Fails records only: no call leaves the set while it is walked.
            call.expireBatches(nowNs);
        }
        outcomes.expireWaiting(nowNs);
        pendingMover.expire(nowNs);
        RuntimeException aborting = identity.abortUnsentWith();
        if (aborting != null) {
            // A transaction being aborted: what it had not sent fails now, and never reaches the broker.
            pendingMover.failAll(aborting);
            outcomes.failUnsent(aborting);
        }
        pendingMover.moveResolved(nowNs);
        for (ProducerBatch inDoubt : identity.maybeBumpEpoch()) {
            outcomes.failInDoubt(inDoubt);
        }
        queuesWalked = identity.readyToProduce();
        if (queuesWalked) {
            sendReady(nowNs);
        }
    }

    @Override
    public long nextWakeUpNs() {
        // Without a producer id nothing is drained, so the drainer's last deadline is stale.
        long next = identity.readyToProduce() ? drainer.nextReadyNs() : Long.MAX_VALUE;
        next = Math.min(next, pendingMover.earliestDeadlineNs());
        for (ProduceCall call : inFlight) {
            next = Math.min(next, call.nextBatchExpiryNs());
        }
        long oldestNs = queuesWalked ? drainer.oldestFirstBatchNs() : oldestFirstBatchNs();
        if (oldestNs != Long.MAX_VALUE) {
            next = Math.min(next, oldestNs + settings.deliveryTimeoutNs());
        }
        return next;
    }

    /** Without a walk by the drainer in this poll (no producer id yet), the queues are walked here. */
    private long oldestFirstBatchNs() {
        long oldestNs = Long.MAX_VALUE;
        for (PartitionQueue queue : accumulator.queues()) {
            ProducerBatch first = queue.peekFirst();
            if (first != null) {
                oldestNs = Math.min(oldestNs, first.createdNs());
            }
        }
        return oldestNs;
    }

    private void sendReady(long nowNs) {
        Map<Integer, List<PartitionQueue>> ready = drainer.readyLeaders(nowNs);
        for (Map.Entry<Integer, List<PartitionQueue>> entry : ready.entrySet()) {
            NodeConnection connection = channel.toNode(entry.getKey(), nowNs);
            if (connection == null || !connection.isReady()) {
                continue;
            }
            boolean firstRequest = true;
            while (channel.hasRoom(connection, nowNs)) {
                // Later requests go only while a batch is still ready: a batch that is neither full nor done
                // lingering must wait for linger.ms instead of leaving half-empty behind the ready ones.
                if (!firstRequest && !drainer.anyReady(entry.getValue(), nowNs)) {
                    break;
                }
                firstRequest = false;
                List<ProducerBatch> batches = drainer.drain(entry.getValue(), nowNs);
                if (batches.isEmpty()) {
                    break;
                }
                send(connection, batches, nowNs);
            }
        }
    }

    private void send(NodeConnection connection, List<ProducerBatch> batches, long nowNs) {
        Map<String, List<ProduceRequest.PartitionData>> byTopic = new LinkedHashMap<>();
        long nowMs = nowNs / 1_000_000L;
        int records = 0;
        for (ProducerBatch batch : batches) {
            outcomes.sent(batch);
            batch.markSent(nowNs);
            records += batch.recordCount();
            metrics.batchSent(batch.topicPartition().topic(), batch.recordCount(), batch.sizeBytes(),
                    batch.compressionRatio(), batch.maxRecordBytes(), (nowNs - batch.createdNs()) / 1e6, nowMs);
            byTopic.computeIfAbsent(batch.topicPartition().topic(), t -> new ArrayList<>())
                    .add(new ProduceRequest.PartitionData(batch.topicPartition().partition(), batch.closedBuffer()));
        }
        List<ProduceRequest.TopicData> topics = new ArrayList<>(byTopic.size());
        byTopic.forEach((topic, partitions) -> topics.add(new ProduceRequest.TopicData(topic, partitions)));
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, settings.requestTimeoutNs() / 1_000_000L);
        ProduceRequest request = new ProduceRequest(identity.transactionalId(), settings.acks(), timeoutMs, topics);
        metrics.requestSent(records, nowMs);
        ProduceCall call = new ProduceCall(batches, outcomes, this, settings.deliveryTimeoutNs());
        inFlight.add(call);
        if (settings.acks() == 0) {
            channel.sendWithoutResponse(connection, request, call, nowNs);
        } else {
            channel.send(connection, request, call, nowNs);
        }
    }

    /** A Produce response's throttle_time_ms, 0 included, for the throttle metrics. */
    void throttled(int throttleTimeMs, long nowNs) {
        metrics.produceThrottled(throttleTimeMs, nowNs / 1_000_000L);
    }

    /** A call's answer (or failure) arrived: it no longer counts as in flight. */
    void finished(ProduceCall call) {
        inFlight.remove(call);
    }

    @Override
    public void abort(RuntimeException error) {
        pendingMover.failAll(error);
        for (ProduceCall call : inFlight) {
            call.abort(error);
        }
        inFlight.clear();
        for (PartitionQueue queue : accumulator.queues()) {
            for (ProducerBatch batch : queue.removeAll()) {
                outcomes.abort(batch, error, false);
            }
        }
    }
}
