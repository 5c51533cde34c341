package io.odradek.domain.idempotence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.odradek.api.FatalProducerException;
import io.odradek.domain.TopicPartition;
import io.odradek.domain.accumulator.PartitionQueue;
import io.odradek.domain.accumulator.ProducerBatch;
import io.odradek.domain.port.RecordBatchFormat;
import io.odradek.domain.protocol.InitProducerIdRequest;
import io.odradek.domain.protocol.InitProducerIdResponse;
import io.odradek.domain.protocol.KafkaError;

/**
 * An idempotent producer (KIP-98): a producer id and epoch from InitProducerId and a sequence per
 * partition, so the broker drops duplicates from retries and rejects gaps. When sequences can no longer
 * be trusted (UNKNOWN_PRODUCER_ID, OUT_OF_ORDER_SEQUENCE_NUMBER on the next expected batch, a batch that
 * failed or expired after it may have been written) the epoch is bumped (KIP-360) once nothing is in
 * flight, and every partition's sequences start again at 0.
 */
public final class Idempotence implements ProducerIdentity {
    private enum State { NEEDS_ID, INIT_IN_FLIGHT, READY, BUMP_PENDING }

    private final int transactionTimeoutMs;
    private final long retryBackoffNs;
    private final Supplier<List<PartitionQueue>> queues;
    private final Map<TopicPartition, Sequences> sequences = new HashMap<>();

    private State state = State.NEEDS_ID;
    private long producerId = -1;
    private short epoch = -1;
    private long nextInitAttemptNs;

    /**
     * @param queues every partition queue, whose waiting batches lose their sequences when the epoch changes
     */
    public Idempotence(int transactionTimeoutMs, long retryBackoffNs, Supplier<List<PartitionQueue>> queues) {
        this.transactionTimeoutMs = transactionTimeoutMs;
        this.retryBackoffNs = retryBackoffNs;
        this.queues = queues;
    }

    @Override
    public boolean readyToProduce() {
        return state == State.READY;
    }

    @Override
    public InitProducerIdRequest initRequest(long nowNs, int inFlightBatches) {
        if (nowNs < nextInitAttemptNs) {
            return null;
        }
        if (state == State.NEEDS_ID) {
            state = State.INIT_IN_FLIGHT;
            return new InitProducerIdRequest(null, transactionTimeoutMs, -1L, (short) -1);
        }
        if (state == State.BUMP_PENDING && inFlightBatches == 0) {
            state = State.INIT_IN_FLIGHT;
            return new InitProducerIdRequest(null, transactionTimeoutMs, producerId, epoch);
        }
        return null;
    }

    @Override
    public List<ProducerBatch> onInitResponse(InitProducerIdResponse response, long nowNs) {
        short error = response.errorCode();
        if (error == KafkaError.NONE) {
            boolean epochChanged = producerId != -1;
            producerId = response.producerId();
            epoch = response.producerEpoch();
            state = State.READY;
            return epochChanged ? resetSequences() : List.of();
        }
        if (KafkaError.isRetriable(error)) {
            onInitFailed(nowNs);
            return List.of();
        }
        throw new FatalProducerException("InitProducerId failed with " + KafkaError.forCode(error)
                + ": the producer cannot get a producer id for idempotence");
    }

    @Override
    public void onInitFailed(long nowNs) {
        state = producerId == -1 ? State.NEEDS_ID : State.BUMP_PENDING;
        nextInitAttemptNs = nowNs + retryBackoffNs;
    }

    @Override
    public long nextInitAttemptNs(int inFlightBatches) {
        if (state == State.NEEDS_ID || (state == State.BUMP_PENDING && inFlightBatches == 0)) {
            return nextInitAttemptNs;
        }
        return Long.MAX_VALUE;
    }

    @Override
    public boolean mayDrain(PartitionQueue queue) {
        if (queue.inFlightBatches() == 0) {
            return true;
        }
        if (queue.isRetrying()) {
            return false;
        }
        // Until the broker acknowledged one batch of this partition it keeps no sequence for this producer
        // there and accepts any first sequence: were a second batch in flight, it could be stored while the
        // first failed (NOT_LEADER_OR_FOLLOWER from a partition just coming online), leaving a gap that
        // every retry of the first then hits as OUT_OF_ORDER_SEQUENCE_NUMBER until delivery.timeout.ms.
        Sequences seq = sequences.get(queue.topicPartition());
        return seq != null && seq.lastAcked >= 0;
    }

    @Override
    public void stamp(ProducerBatch batch, RecordBatchFormat format) {
        Sequences seq = sequences.computeIfAbsent(batch.topicPartition(), tp -> new Sequences());
        if (batch.baseSequence() == ProducerBatch.NO_SEQUENCE) {
            batch.baseSequence(seq.next);
            seq.next = wrap(seq.next + batch.recordCount());
        }
        format.stampProducerIdentity(batch.closedBuffer(), producerId, epoch, batch.baseSequence(), false);
    }

    @Override
    public void onAcknowledged(ProducerBatch batch) {
        Sequences seq = sequences.get(batch.topicPartition());
        if (seq != null) {
            int last = wrap(batch.baseSequence() + batch.recordCount() - 1);
            // A late answer for an older batch (a duplicate resolved after later ones) must not move it back.
            if (seq.lastAcked < 0 || last > seq.lastAcked) {
                seq.lastAcked = last;
            }
        }
    }

    @Override
    public BatchErrorAction onError(ProducerBatch batch, short errorCode) {
        switch (errorCode) {
            case KafkaError.DUPLICATE_SEQUENCE_NUMBER:
                return BatchErrorAction.TREAT_AS_SUCCESS;
            case KafkaError.OUT_OF_ORDER_SEQUENCE_NUMBER:
                if (isBeforeLastAcknowledged(batch)) {
                    // The broker took a later sequence of this partition, which it only does in order: this
                    // batch is in the log already (its response was lost), too old for the broker to still
                    // recognise it as a duplicate.
                    return BatchErrorAction.TREAT_AS_SUCCESS;
                }
                // A batch behind an unresolved one is rejected only because its predecessor is missing:
                // retrying it in order is enough. If it is the next expected one, the broker lost track.
                return isNextExpected(batch) ? retryAfterBump() : BatchErrorAction.RETRY;
            case KafkaError.UNKNOWN_PRODUCER_ID:
            case KafkaError.INVALID_PRODUCER_EPOCH:
                return retryAfterBump();
            default:
                if (KafkaError.isRetriable(errorCode)) {
                    return BatchErrorAction.RETRY;
                }
                // The broker did not write it, so later sequences of the partition now have a gap.
                requestBump();
                return BatchErrorAction.FAIL_AND_BUMP_EPOCH;
        }
    }

    @Override
    public void onUnknownOutcome(ProducerBatch batch) {
        if (batch.baseSequence() != ProducerBatch.NO_SEQUENCE) {
            requestBump();
        }
    }

    private BatchErrorAction retryAfterBump() {
        requestBump();
        return BatchErrorAction.RETRY_AFTER_EPOCH_BUMP;
    }

    private void requestBump() {
        if (state == State.READY) {
            state = State.BUMP_PENDING;
        }
    }

    private boolean isBeforeLastAcknowledged(ProducerBatch batch) {
        Sequences seq = sequences.get(batch.topicPartition());
        int last = batch.baseSequence() + batch.recordCount() - 1;
        return seq != null && batch.baseSequence() != ProducerBatch.NO_SEQUENCE && last < seq.lastAcked;
    }

    private boolean isNextExpected(ProducerBatch batch) {
        Sequences seq = sequences.get(batch.topicPartition());
        int expected = seq == null ? 0 : wrap(seq.lastAcked + 1);
        return batch.baseSequence() == expected;
    }

    private List<ProducerBatch> resetSequences() {
        sequences.clear();
        List<ProducerBatch> inDoubt = new ArrayList<>();
        for (PartitionQueue queue : queues.get()) {
            inDoubt.addAll(queue.resetSequences());
        }
        return inDoubt;
    }

    /** Sequences wrap around to 0 after Integer.MAX_VALUE, as the broker expects. */
    private static int wrap(int sequence) {
        return sequence < 0 ? sequence - Integer.MIN_VALUE : sequence;
    }

    public long producerId() {
        return producerId;
    }

    public short epoch() {
        return epoch;
    }

    private static final class Sequences {
        int next;
        int lastAcked = -1;
    }
}
