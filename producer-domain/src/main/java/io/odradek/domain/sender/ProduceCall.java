package io.odradek.domain.sender;

import java.util.ArrayList;
import java.util.List;

import io.odradek.domain.accumulator.ProducerBatch;
import io.odradek.domain.protocol.KafkaError;
import io.odradek.domain.protocol.ProduceResponse;
import io.odradek.domain.protocol.Response;

/**
 * One Produce request in flight and its batches: hands the answer's per-partition outcomes to the
 * {@link BatchOutcomes}, and knows when the next of its batches reaches its delivery.timeout.ms (a batch's deadline
 * holds while it is in flight too).
 */
final class ProduceCall implements ResponseHandler {
    private final List<ProducerBatch> batches;
    private final BatchOutcomes outcomes;
    private final ProduceExchange exchange;
    private final long deliveryTimeoutNs;
    private long nextBatchExpiryNs;

    ProduceCall(List<ProducerBatch> batches, BatchOutcomes outcomes, ProduceExchange exchange, long deliveryTimeoutNs) {
        this.batches = batches;
        this.outcomes = outcomes;
        this.exchange = exchange;
        this.deliveryTimeoutNs = deliveryTimeoutNs;
        this.nextBatchExpiryNs = nextExpiryNs();
    }

    List<ProducerBatch> batches() {
        return batches;
    }

    @Override
    public void onResponse(Response response, long nowNs) {
        exchange.finished(this);
        ProduceResponse produce = (ProduceResponse) response;
        exchange.throttled(produce.throttleTimeMs(), nowNs);
        List<ProducerBatch> unanswered = new ArrayList<>(batches);
        for (ProduceResponse.TopicResponse topic : produce.topics()) {
            for (ProduceResponse.PartitionResponse partition : topic.partitions()) {
                ProducerBatch batch = find(unanswered, topic.topic(), partition.partition());
                if (batch == null) {
                    continue;
                }
                unanswered.remove(batch);
                if (partition.errorCode() == KafkaError.NONE) {
                    outcomes.acknowledged(batch, partition.baseOffset(), partition.logAppendTimeMs(), nowNs);
                } else {
                    outcomes.failedWithError(batch, partition.errorCode(), partition.errorMessage(), nowNs);
                }
            }
        }
        for (ProducerBatch batch : unanswered) {
            outcomes.failedInTransit(batch, "the Produce response did not mention " + batch.topicPartition(), nowNs);
        }
    }

    @Override
    public void onFailure(String reason, long nowNs) {
        exchange.finished(this);
        for (ProducerBatch batch : batches) {
            outcomes.failedInTransit(batch, reason, nowNs);
        }
    }

    /** acks=0: written is all the acknowledgement there will be. */
    @Override
    public void onWritten(long nowNs) {
        exchange.finished(this);
        for (ProducerBatch batch : batches) {
            outcomes.acknowledged(batch, -1L, -1L, nowNs);
        }
    }

    /** When the next of its batches not yet failed reaches delivery.timeout.ms; Long.MAX_VALUE if none. */
    long nextBatchExpiryNs() {
        return nextBatchExpiryNs;
    }

    /** Fails the records of the batches whose delivery.timeout.ms passed; the request stays in flight. */
    void expireBatches(long nowNs) {
        if (nowNs < nextBatchExpiryNs) {
            return;
        }
        for (ProducerBatch batch : batches) {
            if (nowNs - batch.createdNs() >= deliveryTimeoutNs) {
                outcomes.expireInFlight(batch, nowNs);
            }
        }
        nextBatchExpiryNs = nextExpiryNs();
    }

    /** Fails every batch on close or a fatal error; no answer will be handled. */
    void abort(RuntimeException error) {
        for (ProducerBatch batch : batches) {
            outcomes.abort(batch, error, true);
        }
    }

    private long nextExpiryNs() {
        long next = Long.MAX_VALUE;
        for (ProducerBatch batch : batches) {
            if (!batch.isCompleted()) {
                next = Math.min(next, batch.createdNs() + deliveryTimeoutNs);
            }
        }
        return next;
    }

    private static ProducerBatch find(List<ProducerBatch> batches, String topic, int partition) {
        for (ProducerBatch batch : batches) {
            if (batch.topicPartition().partition() == partition && batch.topicPartition().topic().equals(topic)) {
                return batch;
            }
        }
        return null;
    }
}
